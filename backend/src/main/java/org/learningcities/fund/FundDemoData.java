package org.learningcities.fund;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.learningcities.common.DataSeeds;
import org.learningcities.common.Roles;
import org.learningcities.fund.FundViews.*;

/**
 * The 2019–2021 fund for `make run`: the strategy's seven budget lines, a handful of donors of
 * every type (demo organisations and demo member cities; the government donor is linked to the
 * demo user {@code donor}, Dana Donor), pledges and receipts in several currencies, allocations
 * (to Africa and to low-income countries among others) and expenditures. Every name says these
 * are demo figures. Posted through the ledger's own service, so every rule holds for them too.
 */
@ApplicationScoped
public class FundDemoData {

    static final String FUND_CODE = "MDFM-2019-2021-DEMO";

    @ConfigProperty(name = "lc.demo-data", defaultValue = "false")
    boolean enabled;

    @Inject
    DataSeeds seeds;

    @Inject
    FundService fund;

    @Inject
    FundPostingScope scope;

    @Inject
    EntityManager em;

    @Inject
    CurrentIdentityAssociation identity;

    // After the member (3000) and cluster (3100) demo data.
    void onStart(@Observes @Priority(3200) StartupEvent start) {
        if (enabled) {
            loadAsFundManager();
        }
    }

    @ActivateRequestContext
    void loadAsFundManager() {
        identity.setIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("demo-data"))
                .addRole(Roles.FUND_MANAGER).build());
        scope.balanceRowsInCallerTransaction = true; // one seed transaction: the fund row is not committed yet
        seeds.once("demo-fund", this::load);
    }

    void load() {
        long agent = organisation("DEMO-ORG-UIL", "UNESCO Institute for Lifelong Learning (demo agent)", "INTERNATIONAL_ORGANISATION", null);
        long fundId = fund.createFund(new FundInput(FUND_CODE, "Learning Cities Multi-donor Funding Modality 2019–2021 (demo figures)",
                LocalDate.of(2019, 1, 1), LocalDate.of(2021, 12, 31), "1000000.00", agent, null, true, null)).id();
        List<BudgetLineView> lines = fund.fund(fundId).budgetLines();

        long government = donor(organisation("DEMO-DONOR-GOV", "Demo donor: Ministry of Education of a donor country (demo figures)",
                "DONOR_GOVERNMENT", "DE"), null, DonorType.GOVERNMENT, false, "donor");
        long company = donor(organisation("DEMO-DONOR-COMPANY", "Demo donor: Learning Technologies Ltd (demo figures)", "COMPANY", "KR"),
                null, DonorType.COMPANY, false, null);
        long foundation = donor(organisation("DEMO-DONOR-FOUNDATION", "Demo donor: Lifelong Learning Foundation (demo figures)",
                "FOUNDATION", "JP"), null, DonorType.FOUNDATION, true, null);
        long other = donor(organisation("DEMO-DONOR-NETWORK", "Demo donor: Regional Learning Network (demo figures)", "OTHER", "GB"),
                null, DonorType.OTHER, false, null);
        List<?> cities = em.createNativeQuery("SELECT id FROM member_city WHERE external_id LIKE 'DEMO-%' ORDER BY external_id")
                .setMaxResults(2).getResultList();

        Earmark africa = new Earmark("REGION", null, null, "AFRICA");
        Earmark lowIncome = new Earmark("LOW_INCOME", null, null, null);
        long govPledge = fund.pledge(fundId, new PledgeInput(government, "250000.00", "EUR", "1.1200", LocalDate.of(2019, 3, 1), africa,
                List.of(LocalDate.of(2019, 6, 30), LocalDate.of(2020, 6, 30)), "Demo pledge")).id();
        long companyPledge = fund.pledge(fundId, new PledgeInput(company, "100000.00", "USD", null, LocalDate.of(2019, 4, 15), null,
                List.of(LocalDate.of(2019, 9, 30)), "Demo pledge")).id();
        long foundationPledge = fund.pledge(fundId, new PledgeInput(foundation, "11000000", "JPY", "0.0091", LocalDate.of(2019, 5, 1),
                lowIncome, List.of(LocalDate.of(2019, 12, 31), LocalDate.of(2020, 12, 31)), "Demo pledge")).id();
        fund.pledge(fundId, new PledgeInput(other, "40000.00", "GBP", "1.2700", LocalDate.of(2020, 2, 1), null, List.of(), "Demo pledge"));

        fund.receipt(fundId, new ReceiptInput(government, govPledge, "125000.00", "EUR", "1.1050", LocalDate.of(2019, 6, 28),
                "DEMO-BANK-2019-0628-001", null, "Demo receipt, first instalment"));
        fund.receipt(fundId, new ReceiptInput(company, companyPledge, "100000.00", "USD", null, LocalDate.of(2019, 9, 27),
                "DEMO-BANK-2019-0927-001", null, "Demo receipt"));
        fund.receipt(fundId, new ReceiptInput(foundation, foundationPledge, "5500000", "JPY", "0.0092", LocalDate.of(2019, 12, 20),
                "DEMO-BANK-2019-1220-001", null, "Demo receipt, first instalment"));
        fund.receipt(fundId, new ReceiptInput(other, null, "25000.00", "GBP", "1.2650", LocalDate.of(2020, 3, 10),
                "DEMO-BANK-2020-0310-001", null, "Demo receipt, part of the pledge"));
        String[][] cityGifts = {{"15000.00", "USD", null}, {"20000.00", "EUR", "1.0900"}};
        for (int i = 0; i < cities.size(); i++) {
            long city = donor(null, ((Number) cities.get(i)).longValue(), DonorType.CITY, false, null);
            fund.receipt(fundId, new ReceiptInput(city, null, cityGifts[i][0], cityGifts[i][1], cityGifts[i][2], LocalDate.of(2020, 1, 15 + i),
                    "DEMO-BANK-2020-01" + (15 + i) + "-001", null, "Demo voluntary contribution of a member city"));
        }

        long workshops = fund.allocation(fundId, new AllocationInput(lines.get(1).id(), null, "100000.00", LocalDate.of(2019, 9, 1), africa,
                "AFRICA", "LOW", "Demo allocation: workshops for policy-makers in Africa")).id();
        long modules = fund.allocation(fundId, new AllocationInput(lines.get(0).id(), null, "40000.00", LocalDate.of(2020, 1, 20), lowIncome,
                "AFRICA", "LOW", "Demo allocation: training modules for low-income countries")).id();
        long platform = fund.allocation(fundId, new AllocationInput(lines.get(6).id(), null, "60000.00", LocalDate.of(2019, 10, 1), null,
                null, null, "Demo allocation: the online communication platform")).id();
        fund.allocation(fundId, new AllocationInput(lines.get(2).id(), null, "30000.00", LocalDate.of(2020, 4, 1), null,
                "ASIA_PACIFIC", "LOWER_MIDDLE", "Demo allocation: best-practice handbook"));
        // A demo cluster's work-plan activity (when the cluster demo data is there), paid under budget line 1.1.
        List<?> activities = em.createNativeQuery("SELECT a.id FROM work_plan_activity a JOIN work_plan p ON p.id = a.work_plan_id"
                + " JOIN cluster c ON c.id = p.cluster_id WHERE c.name_en = 'Literacy' ORDER BY a.id").setMaxResults(1).getResultList();
        if (!activities.isEmpty()) {
            long activity = fund.allocation(fundId, new AllocationInput(lines.get(0).id(), ((Number) activities.get(0)).longValue(),
                    "20000.00", LocalDate.of(2020, 2, 1), null, null, null, "Demo allocation: a Literacy cluster activity")).id();
            fund.expenditure(fundId, new ExpenditureInput(activity, "5000.00", LocalDate.of(2020, 9, 1), "Demo expenditure: activity"));
        }
        fund.expenditure(fundId, new ExpenditureInput(workshops, "45000.00", LocalDate.of(2019, 11, 15), "Demo expenditure: first workshop"));
        fund.expenditure(fundId, new ExpenditureInput(modules, "10000.00", LocalDate.of(2020, 5, 1), "Demo expenditure: module design"));
        fund.expenditure(fundId, new ExpenditureInput(platform, "60000.00", LocalDate.of(2020, 6, 30), "Demo expenditure: platform build"));
    }

    /** A demo organisation by external id, created when missing. */
    private long organisation(String externalId, String name, String kind, String country) {
        List<?> ids = em.createNativeQuery("SELECT id FROM organisation WHERE external_id = ?1").setParameter(1, externalId).getResultList();
        if (!ids.isEmpty()) {
            return ((Number) ids.get(0)).longValue();
        }
        em.createNativeQuery("INSERT INTO organisation (external_id, name, kind, country_iso2) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, externalId).setParameter(2, name).setParameter(3, kind).setParameter(4, country).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
    }

    private long donor(Long organisationId, Long memberId, DonorType type, boolean anonymous, String username) {
        return fund.createDonor(new DonorInput(memberId, organisationId, type.name(), anonymous, username)).id();
    }
}
