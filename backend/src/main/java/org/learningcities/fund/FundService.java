package org.learningcities.fund;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.learningcities.common.Caller;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.Problem;
import org.learningcities.common.ProblemException;
import org.learningcities.fund.FundViews.*;
import org.learningcities.reference.IncomeGroup;
import org.learningcities.reference.UnescoRegion;

/**
 * The fund's ledger. Every movement is one row in {@code fund_movement} and one balanced entry in
 * the journal, written in one transaction together with the running balances of the accounts it
 * touches. Accounts of a fund:
 * <ul>
 * <li>{@code CASH} (debit): money held in trust;</li>
 * <li>{@code UNALLOCATED:<pool>} (credit): received and not yet allocated, per earmark pool
 * ({@code NONE}, {@code BUDGET_LINE:<id>}, {@code CLUSTER:<id>}, {@code REGION:<code>}, {@code LOW_INCOME});</li>
 * <li>{@code ALLOCATED:<allocation id>} (credit) and {@code EXPENDED:<allocation id>} (debit);</li>
 * <li>{@code PLEDGED:<donor id>} (debit) against {@code PLEDGE_COMMITMENTS} (credit): memo accounts for pledges;</li>
 * <li>{@code CONTRIBUTIONS:<donor id>:<pool>} (credit) against {@code HELD_FOR_DONORS:<pool>} (debit): memo accounts
 * for the contributions held in trust per donor and pool, received less refunded, in USD (the agent's fee included);
 * the donor's balance is read from them, and {@code HELD_FOR_DONORS:<pool>} is the pool's sum over its donors;</li>
 * <li>{@code FEES} (credit): the agent's fee taken from receipts when the fund sets a percentage;</li>
 * <li>{@code FEES:BANK_CHARGES} (debit): bank charges paid, the "charges" of fees and charges;</li>
 * <li>{@code INTEREST} (credit): interest earned;</li>
 * <li>{@code REFUNDS:<pool>} (debit): money of a pool returned to donors.</li>
 * </ul>
 * Receipt: DR CASH / CR UNALLOCATED:pool (and FEES), DR HELD_FOR_DONORS:pool / CR CONTRIBUTIONS:d:pool.
 * Allocation: DR UNALLOCATED:pool / CR ALLOCATED:a. Expenditure: DR EXPENDED:a / CR CASH. Pledge:
 * DR PLEDGED:d / CR PLEDGE_COMMITMENTS. Interest: DR CASH / CR INTEREST. Bank charge: DR
 * FEES:BANK_CHARGES / CR CASH. Refund: DR REFUNDS:pool / CR CASH, DR CONTRIBUTIONS:d:pool / CR
 * HELD_FOR_DONORS:pool (never more than the donor's contributions to the pool). A reversal posts
 * the mirror legs.
 * <p>
 * Beside the accounts, {@code fund_total} keeps the figures the summary and the statement show
 * (allocated and spent per budget line, region, income group, pool; contributions per donor type;
 * outstanding pledges), changed in the same transaction, so neither reads the journal or one row
 * per movement.
 * <p>
 * What a pool has <em>available</em> to allocate (see {@link #available}) is
 * {@code UNALLOCATED:pool} (credit) less {@code REFUNDS:pool} (debit); for the unearmarked pool
 * {@code NONE} also plus {@code INTEREST} (credit) less {@code FEES:BANK_CHARGES} (debit): interest
 * is unearmarked money and bank charges are borne by unearmarked money. The agent's {@code FEES}
 * are not available. The fund's available balance is the sum over its pools. All of a pool's
 * accounts are locked together before it is checked. {@code UNALLOCATED:NONE} alone may so show a
 * debit balance once interest has been allocated; the pool as a whole never goes below zero.
 * <p>
 * Per pledge, {@code fund_pledge_balance} keeps what was received against it (in the pledge's
 * currency), changed in the transaction of each receipt against it and of its reversal; its row
 * is locked after the account rows (the same order everywhere). Before checking and posting, the balance rows involved are locked
 * (SELECT ... FOR UPDATE) in account order, the same order for everyone, so racing postings queue
 * up and never deadlock on each other.
 */
@ApplicationScoped
public class FundService {

    public static final Map<String, String> JOURNAL_SORT = Map.of("id", "e.id", "valueDate", "e.value_date");

    static final String CASH = "CASH";
    static final String PLEDGE_COMMITMENTS = "PLEDGE_COMMITMENTS";
    /** The administrative agent's fee on receipts (credit), when the fund sets a percentage. */
    static final String FEES = "FEES";
    /** Bank charges paid (debit), in the fees-and-charges family; borne by unearmarked money. */
    static final String BANK_CHARGES = "FEES:BANK_CHARGES";
    /** Interest earned (credit); unearmarked money. */
    static final String INTEREST = "INTEREST";
    static final String UNALLOCATED = "UNALLOCATED:";
    static final String REFUNDS = "REFUNDS:";
    /** Contributions held in trust for a donor in a pool (credit): {@code CONTRIBUTIONS:<donor>:<pool>}. */
    static final String CONTRIBUTIONS = "CONTRIBUTIONS:";
    /** The pool's side of the contributions memo (debit): {@code HELD_FOR_DONORS:<pool>}. */
    static final String HELD_FOR_DONORS = "HELD_FOR_DONORS:";
    static final String OUTSTANDING_PLEDGES = "OUTSTANDING_PLEDGES";
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** The seven uses of the strategy, one term (USD). */
    static final List<BudgetLineInput> STRATEGY = List.of(
            new BudgetLineInput("1.1", "Training modules on the thematic topics", "200000.00"),
            new BudgetLineInput("1.2", "Capacity-building workshops for policy-makers (focus on Africa and low-income countries)", "200000.00"),
            new BudgetLineInput("2.1", "Best-practice analyses, a handbook and toolkits", "80000.00"),
            new BudgetLineInput("2.2", "Policy briefs and recommendations", "20000.00"),
            new BudgetLineInput("2.3", "Research and analytical reports", "200000.00"),
            new BudgetLineInput("2.4", "Indicators for cities to monitor and evaluate progress", "200000.00"),
            new BudgetLineInput("3.1", "An online communication platform", "100000.00"));

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    org.learningcities.audit.Audit audit;

    @Inject
    FundPostingScope scope;

    /** Thrown to roll a dry run's transaction back, carrying its answer. */
    private static final class RolledBack extends RuntimeException {
        final transient Object result;

        RolledBack(Object result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /**
     * Runs work as a dry run: every check and every write happen in a transaction that is always
     * rolled back, so what is answered is exactly what the real run would do.
     */
    @SuppressWarnings("unchecked")
    public <T> T rolledBack(java.util.function.Supplier<T> work) {
        scope.balanceRowsInCallerTransaction = true;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                throw new RolledBack(work.get());
            });
        } catch (RolledBack r) {
            return (T) r.result;
        } finally {
            scope.balanceRowsInCallerTransaction = false;
        }
        throw new IllegalStateException("a dry run always rolls back");
    }

    /** The entry a movement would post (its new allocation account shown as {@code ALLOCATED:new}), written nowhere. */
    public MovementPreview preview(java.util.function.Supplier<MovementView> work) {
        return rolledBack(() -> {
            MovementView m = work.get();
            String own = ":" + m.id();
            List<Leg> legs = m.entry().legs().stream().map(l -> l.account().startsWith("ALLOCATED:") && l.account().endsWith(own)
                    ? new Leg("ALLOCATED:new", l.side(), l.amountUsd(), l.amount(), l.currency()) : l).toList();
            return new MovementPreview(true, m.kind(), m.donorId(), m.valueDate(), m.amount(), m.currency(),
                    m.exchangeRate(), m.amountUsd(), m.description(), m.entry().reversesEntryId(), legs);
        });
    }

    // ---------------------------------------------------------------- funds and donors

    @Transactional
    public FundView createFund(FundInput in) {
        String code = required("code", in.code(), 50);
        String name = required("name", in.name(), 300);
        if (in.startsOn() == null || in.endsOn() == null) {
            throw ProblemException.validation(in.startsOn() == null ? "startsOn" : "endsOn", "is required");
        }
        if (in.endsOn().isBefore(in.startsOn())) {
            throw ProblemException.validation("endsOn", "must not be before startsOn");
        }
        BigDecimal target = Money.parse("target", in.target(), Money.USD);
        if (in.agentOrganisationId() == null || count("SELECT COUNT(*) FROM organisation WHERE id = ?1", in.agentOrganisationId()) == 0) {
            throw ProblemException.validation("agentOrganisationId", "must be an existing organisation");
        }
        BigDecimal fee = null;
        if (in.agentFeePercent() != null) {
            if (!in.agentFeePercent().matches("\\d{1,2}(\\.\\d{1,2})?")) {
                throw ProblemException.validation("agentFeePercent", "must be a percentage like \"7\" or \"7.5\" below 100");
            }
            fee = new BigDecimal(in.agentFeePercent());
        }
        List<BudgetLineInput> lines = in.budgetLines() == null ? List.of() : in.budgetLines();
        if (Boolean.TRUE.equals(in.startFromStrategy())) {
            if (!lines.isEmpty()) {
                throw ProblemException.validation("budgetLines", "must be empty when startFromStrategy is true");
            }
            lines = STRATEGY;
        }
        if (count("SELECT COUNT(*) FROM fund WHERE code = ?1", code) > 0) {
            throw ProblemException.conflict("A fund with code " + code + " exists already.");
        }
        em.createNativeQuery("INSERT INTO fund (code, name, starts_on, ends_on, base_currency, target_usd, agent_organisation_id,"
                        + " agent_fee_percent) VALUES (?1, ?2, ?3, ?4, 'USD', ?5, ?6, ?7)")
                .setParameter(1, code).setParameter(2, name).setParameter(3, in.startsOn()).setParameter(4, in.endsOn())
                .setParameter(5, target).setParameter(6, in.agentOrganisationId()).setParameter(7, fee).executeUpdate();
        long fundId = lastId();
        audit.created("fund", fundId, auditFields("code", code, "name", name, "startsOn", in.startsOn(), "endsOn", in.endsOn(),
                "baseCurrency", "USD", "targetUsd", target, "agentOrganisationId", in.agentOrganisationId(), "agentFeePercent", fee));
        TreeSet<String> codes = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            BudgetLineInput line = lines.get(i);
            String field = "budgetLines[" + i + "]";
            String lineCode = required(field + ".code", line.code(), 50);
            if (!codes.add(lineCode)) {
                throw ProblemException.validation(field + ".code", "appears twice");
            }
            String lineName = required(field + ".name", line.name(), 300);
            BigDecimal planned = Money.parse(field + ".planned", line.planned(), Money.USD);
            em.createNativeQuery("INSERT INTO fund_budget_line (fund_id, code, name, planned_usd, position) VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, fundId).setParameter(2, lineCode).setParameter(3, lineName)
                    .setParameter(4, planned).setParameter(5, i).executeUpdate();
            audit.created("fund_budget_line", lastId(), auditFields("fundId", fundId, "code", lineCode, "name", lineName,
                    "plannedUsd", planned, "position", i));
        }
        return fund(fundId);
    }

    public FundView fund(long fundId) {
        List<Object[]> rows = rows("SELECT id, code, name, starts_on, ends_on, base_currency, target_usd, agent_organisation_id,"
                + " agent_fee_percent FROM fund WHERE id = ?1", fundId);
        if (rows.isEmpty()) {
            throw ProblemException.notFound("No fund " + fundId + ".");
        }
        Object[] r = rows.get(0);
        List<BudgetLineView> lines = rows("SELECT id, code, name, planned_usd FROM fund_budget_line WHERE fund_id = ?1 ORDER BY position", fundId)
                .stream().map(l -> new BudgetLineView(num(l[0]), (String) l[1], (String) l[2], Money.usd(dec(l[3])))).toList();
        return new FundView(num(r[0]), (String) r[1], (String) r[2], date(r[3]), date(r[4]), (String) r[5], Money.usd(dec(r[6])),
                num(r[7]), r[8] == null ? null : dec(r[8]).stripTrailingZeros().toPlainString(), lines);
    }

    public Page<FundView> funds(PageRequest paging) {
        long total = count("SELECT COUNT(*) FROM fund");
        List<?> ids = em.createNativeQuery("SELECT id FROM fund ORDER BY starts_on DESC, id DESC")
                .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        return Page.of(ids.stream().map(id -> fund(num(id))).toList(), paging, total);
    }

    private static final String DONOR_COLUMNS = "SELECT d.id, d.member_id, d.organisation_id, COALESCE(m.name, o.name), d.donor_type,"
            + " d.anonymous, d.username FROM fund_donor d LEFT JOIN member_city m ON m.id = d.member_id"
            + " LEFT JOIN organisation o ON o.id = d.organisation_id";

    /** Donors by name; {@code q} matches the start of a word of the name (the name columns ignore case and accents). */
    @SuppressWarnings("unchecked")
    public Page<DonorView> donors(String q, String donorType, String username, PageRequest paging) {
        DonorType type = org.learningcities.common.QueryParams.enumValue(DonorType.class, "donorType", donorType);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q != null && !q.isBlank()) {
            String escaped = q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            where.append(" AND (COALESCE(m.name, o.name) LIKE :prefix OR COALESCE(m.name, o.name) LIKE :wordPrefix)");
            params.put("prefix", escaped + "%");
            params.put("wordPrefix", "% " + escaped + "%");
        }
        if (type != null) {
            where.append(" AND d.donor_type = :type");
            params.put("type", type.name());
        }
        if (username != null && !username.isBlank()) {
            where.append(" AND d.username = :username");
            params.put("username", username.trim());
        }
        var countQuery = em.createNativeQuery("SELECT COUNT(*) FROM fund_donor d LEFT JOIN member_city m ON m.id = d.member_id"
                + " LEFT JOIN organisation o ON o.id = d.organisation_id" + where);
        var listQuery = em.createNativeQuery(DONOR_COLUMNS + where + " ORDER BY COALESCE(m.name, o.name), d.id")
                .setFirstResult(paging.offset()).setMaxResults(paging.size());
        params.forEach((k, v) -> {
            countQuery.setParameter(k, v);
            listQuery.setParameter(k, v);
        });
        long total = ((Number) countQuery.getSingleResult()).longValue();
        List<DonorView> items = ((List<Object[]>) listQuery.getResultList()).stream().map(FundService::donorView).toList();
        return Page.of(items, paging, total);
    }

    /** The donors linked to the caller's login. */
    public List<DonorView> donorsOfCaller() {
        String username = caller.username();
        if (username == null) {
            return List.of();
        }
        return rows(DONOR_COLUMNS + " WHERE d.username = ?1 ORDER BY d.id", username).stream().map(FundService::donorView).toList();
    }

    private static DonorView donorView(Object[] r) {
        return new DonorView(num(r[0]), nullableNum(r[1]), nullableNum(r[2]), (String) r[3], (String) r[4], bool(r[5]), (String) r[6]);
    }

    @Transactional
    public DonorView createDonor(DonorInput in) {
        if ((in.memberId() == null) == (in.organisationId() == null)) {
            throw ProblemException.validation("memberId", "give exactly one of memberId and organisationId");
        }
        DonorType type = enumValue(DonorType.class, "donorType", in.donorType());
        if (type == null) {
            throw ProblemException.validation("donorType", "is required");
        }
        if (in.memberId() != null && count("SELECT COUNT(*) FROM member_city WHERE id = ?1", in.memberId()) == 0) {
            throw ProblemException.validation("memberId", "must be an existing member city");
        }
        if (in.organisationId() != null && count("SELECT COUNT(*) FROM organisation WHERE id = ?1", in.organisationId()) == 0) {
            throw ProblemException.validation("organisationId", "must be an existing organisation");
        }
        if (count("SELECT COUNT(*) FROM fund_donor WHERE member_id = ?1 OR organisation_id = ?2", in.memberId(), in.organisationId()) > 0) {
            throw ProblemException.conflict("This member city or organisation is a donor already.");
        }
        String username = in.username() == null || in.username().isBlank() ? null : required("username", in.username(), 100);
        em.createNativeQuery("INSERT INTO fund_donor (member_id, organisation_id, donor_type, anonymous, username) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, in.memberId()).setParameter(2, in.organisationId()).setParameter(3, type.name())
                .setParameter(4, Boolean.TRUE.equals(in.anonymous())).setParameter(5, username).executeUpdate();
        long donorId = lastId();
        audit.created("fund_donor", donorId, auditFields("memberId", in.memberId(), "organisationId", in.organisationId(),
                "donorType", type.name(), "anonymous", Boolean.TRUE.equals(in.anonymous()), "username", username));
        return donor(donorId);
    }

    public DonorView donor(long donorId) {
        List<Object[]> rows = rows(DONOR_COLUMNS + " WHERE d.id = ?1", donorId);
        if (rows.isEmpty()) {
            throw ProblemException.notFound("No donor " + donorId + ".");
        }
        return donorView(rows.get(0));
    }

    // ---------------------------------------------------------------- movements

    @Transactional(Transactional.TxType.MANDATORY)
    public MovementView pledge(long fundId, PledgeInput in) {
        return pledge(fundId, in, null);
    }

    /** A pledge with its reference (the pledge import's {@code pledge_reference}), kept in {@code bank_reference}. */
    // Like a receipt, a refused pledge has written nothing (every check comes before the first write).
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public MovementView pledge(long fundId, PledgeInput in, String reference) {
        requireFund(fundId);
        long donorId = requireDonor("donorId", in.donorId());
        String currency = currency(in.currency());
        BigDecimal amount = Money.parse("amount", in.amount(), currency);
        BigDecimal rate = rate(currency, in.exchangeRate());
        LocalDate date = requiredDate("date", in.date());
        Earmark earmark = earmark(fundId, "earmark", in.earmark());
        BigDecimal usd = Money.toUsd(amount, rate);
        List<LocalDate> dates = in.expectedPaymentDates() == null ? List.of() : in.expectedPaymentDates();
        for (int i = 0; i < dates.size(); i++) {
            requiredDate("expectedPaymentDates[" + i + "]", dates.get(i));
        }
        String pledged = "PLEDGED:" + donorId;
        Map<String, FundAccountBalance> accounts = lock(fundId, List.of(pledged, PLEDGE_COMMITMENTS));
        long movementId = insertMovement(fundId, MovementKind.PLEDGE, donorId, null, null, null, amount, currency, rate, usd, date,
                earmark, null, null, null, reference, in.description());
        for (int i = 0; i < dates.size(); i++) {
            em.createNativeQuery("INSERT INTO fund_pledge_payment (movement_id, position, due_on) VALUES (?1, ?2, ?3)")
                    .setParameter(1, movementId).setParameter(2, i).setParameter(3, dates.get(i)).executeUpdate();
        }
        em.createNativeQuery("INSERT INTO fund_pledge_balance (pledge_id, fund_id) VALUES (?1, ?2)")
                .setParameter(1, movementId).setParameter(2, fundId).executeUpdate();
        post(fundId, movementId, MovementKind.PLEDGE, date, donorId, null, in.description(), accounts,
                List.of(new PostLeg(pledged, true, usd, amount, currency), new PostLeg(PLEDGE_COMMITMENTS, false, usd, amount, currency)));
        addToTotals(fundId, figures(fundId, movementId, 1));
        return movement(fundId, movementId);
    }

    // A refused receipt has written nothing, so it need not doom the caller's transaction: an import
    // collects every bad row of a statement first (the import, not this refusal, rolls back).
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public MovementView receipt(long fundId, ReceiptInput in) {
        requireFund(fundId);
        long donorId = requireDonor("donorId", in.donorId());
        String currency = currency(in.currency());
        BigDecimal amount = Money.parse("amount", in.amount(), currency);
        BigDecimal rate = rate(currency, in.exchangeRate());
        LocalDate date = requiredDate("valueDate", in.valueDate());
        String bankReference = in.bankReference() == null || in.bankReference().isBlank() ? null : required("bankReference", in.bankReference(), 100);
        Earmark earmark;
        if (in.pledgeId() != null) {
            List<Object[]> pledge = rows("SELECT donor_id, currency, earmark_kind, earmark_budget_line_id, earmark_cluster_id, earmark_region"
                    + " FROM fund_movement WHERE id = ?1 AND fund_id = ?2 AND kind = 'PLEDGE'", in.pledgeId(), fundId);
            if (pledge.isEmpty()) {
                throw ProblemException.validation("pledgeId", "must be a pledge of this fund");
            }
            Object[] p = pledge.get(0);
            if (num(p[0]) != donorId) {
                throw ProblemException.validation("pledgeId", "is a pledge of another donor");
            }
            if (!currency.equals(p[1])) {
                throw ProblemException.validation("currency", "must be the pledge's currency, " + p[1]);
            }
            if (in.earmark() != null && !earmarkOf(p, 2).equals(normalise(in.earmark()))) {
                throw ProblemException.validation("earmark", "a receipt against a pledge takes the pledge's earmark; leave it out");
            }
            earmark = earmarkOf(p, 2);
        } else {
            earmark = earmark(fundId, "earmark", in.earmark());
        }
        BigDecimal usd = Money.toUsd(amount, rate);
        if (usd.signum() <= 0) {
            throw ProblemException.validation("amount", "is less than one US cent at this rate");
        }
        String pool = "UNALLOCATED:" + poolKey(earmark);
        List<?> feePercent = em.createNativeQuery("SELECT agent_fee_percent FROM fund WHERE id = ?1").setParameter(1, fundId).getResultList();
        BigDecimal fee = feePercent.isEmpty() || feePercent.get(0) == null ? ZERO : Money.percentOf(usd, dec(feePercent.get(0)));
        String contributions = CONTRIBUTIONS + donorId + ":" + poolKey(earmark);
        String held = HELD_FOR_DONORS + poolKey(earmark);
        Map<String, FundAccountBalance> accounts = lock(fundId, fee.signum() > 0 ? List.of(CASH, pool, FEES, contributions, held)
                : List.of(CASH, pool, contributions, held));
        if (in.pledgeId() != null && lockPledge(in.pledgeId()).reversed()) {
            throw ProblemException.validation("pledgeId", "is a reversed pledge");
        }
        long movementId = insertMovement(fundId, MovementKind.RECEIPT, donorId, in.pledgeId(), null, null, amount, currency, rate, usd,
                date, earmark, null, null, null, bankReference, in.description());
        // With an agent's fee the credit is split: the pool gets the rest, FEES the fee (USD only on the split legs).
        // The memo pair records the whole USD amount as the donor's contribution (the fee is part of it).
        List<PostLeg> legs = new ArrayList<>(fee.signum() > 0
                ? List.of(new PostLeg(CASH, true, usd, amount, currency), new PostLeg(pool, false, usd.subtract(fee), null, null),
                        new PostLeg(FEES, false, fee, null, null))
                : List.of(new PostLeg(CASH, true, usd, amount, currency), new PostLeg(pool, false, usd, amount, currency)));
        legs.add(new PostLeg(held, true, usd, null, null));
        legs.add(new PostLeg(contributions, false, usd, null, null));
        post(fundId, movementId, MovementKind.RECEIPT, date, donorId, null, in.description(), accounts, legs);
        Map<String, BigDecimal[]> totals = figures(fundId, movementId, 1);
        if (in.pledgeId() != null) {
            totals.put(OUTSTANDING_PLEDGES, new BigDecimal[] {receivedAgainstPledge(in.pledgeId(), amount, 1), BigDecimal.ZERO});
        }
        addToTotals(fundId, totals);
        return movement(fundId, movementId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public MovementView allocation(long fundId, AllocationInput in) {
        requireFund(fundId);
        if (in.budgetLineId() == null && in.activityId() == null) {
            throw ProblemException.validation("budgetLineId", "give a budget line, a cluster activity (activityId) or both");
        }
        if (in.budgetLineId() != null && count("SELECT COUNT(*) FROM fund_budget_line WHERE id = ?1 AND fund_id = ?2", in.budgetLineId(), fundId) == 0) {
            throw ProblemException.validation("budgetLineId", "must be a budget line of this fund");
        }
        Long activityCluster = null;
        if (in.activityId() != null) {
            List<Object[]> activity = rows("SELECT p.cluster_id FROM work_plan_activity a JOIN work_plan p ON p.id = a.work_plan_id"
                    + " WHERE a.id = ?1", in.activityId());
            if (activity.isEmpty()) {
                throw ProblemException.validation("activityId", "must be a cluster work-plan activity");
            }
            activityCluster = num(activity.get(0)[0]);
        }
        BigDecimal usd = Money.parse("amount", in.amount(), Money.USD);
        LocalDate date = requiredDate("valueDate", in.valueDate());
        Earmark source = earmark(fundId, "source", in.source());
        UnescoRegion.Code region = enumValue(UnescoRegion.Code.class, "beneficiaryRegion", in.beneficiaryRegion());
        IncomeGroup.Code incomeGroup = enumValue(IncomeGroup.Code.class, "beneficiaryIncomeGroup", in.beneficiaryIncomeGroup());
        String mismatch = switch (EarmarkKind.valueOf(source.kind())) {
            case NONE -> null;
            case BUDGET_LINE -> source.budgetLineId().equals(in.budgetLineId()) ? null
                    : "money earmarked for budget line " + source.budgetLineId() + " can only be allocated to that budget line";
            case REGION -> region != null && region.name().equals(source.region()) ? null
                    : "money earmarked for " + source.region() + " can only be allocated with beneficiaryRegion " + source.region();
            case LOW_INCOME -> incomeGroup == IncomeGroup.Code.LOW ? null
                    : "money earmarked for low-income countries can only be allocated with beneficiaryIncomeGroup LOW";
            case CLUSTER -> source.clusterId().equals(activityCluster) ? null
                    : "money earmarked for cluster " + source.clusterId() + " can only be allocated to an activity (activityId) of that cluster";
        };
        if (mismatch != null) {
            throw new ProblemException(422, "earmark-mismatch", "Earmark not respected", "The allocation does not match the earmark of the money it draws on: "
                    + mismatch + ".", List.of(new Problem.FieldError("source", mismatch)));
        }
        String edition = incomeGroup == null ? null : incomeGroupEdition(date);
        String pool = UNALLOCATED + poolKey(source);
        Map<String, FundAccountBalance> accounts = lock(fundId, poolAccounts(poolKey(source)));
        BigDecimal available = available(accounts, poolKey(source));
        if (available.compareTo(usd) < 0) {
            throw insufficient("Only " + Money.usd(available) + " USD is available in pool " + poolKey(source) + "; the allocation needs "
                    + Money.usd(usd) + " USD.");
        }
        long movementId = insertMovement(fundId, MovementKind.ALLOCATION, null, null, null, in.budgetLineId(), null, Money.USD, null, usd,
                date, source, region == null ? null : region.name(), incomeGroup == null ? null : incomeGroup.name(), edition, null,
                in.description(), in.activityId());
        String allocated = "ALLOCATED:" + movementId;
        post(fundId, movementId, MovementKind.ALLOCATION, date, null, null, in.description(), accounts,
                List.of(new PostLeg(pool, true, usd, null, null), new PostLeg(allocated, false, usd, null, null)));
        addToTotals(fundId, figures(fundId, movementId, 1));
        return movement(fundId, movementId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public MovementView expenditure(long fundId, ExpenditureInput in) {
        requireFund(fundId);
        List<Object[]> allocation = in.allocationId() == null ? List.of()
                : rows("SELECT budget_line_id, activity_id FROM fund_movement WHERE id = ?1 AND fund_id = ?2 AND kind = 'ALLOCATION'", in.allocationId(), fundId);
        if (allocation.isEmpty()) {
            throw ProblemException.validation("allocationId", "must be an allocation of this fund");
        }
        BigDecimal usd = Money.parse("amount", in.amount(), Money.USD);
        LocalDate date = requiredDate("valueDate", in.valueDate());
        String allocated = "ALLOCATED:" + in.allocationId();
        String expended = "EXPENDED:" + in.allocationId();
        Map<String, FundAccountBalance> accounts = lock(fundId, List.of(allocated, CASH, expended));
        BigDecimal left = accounts.get(allocated).creditBalance().subtract(accounts.get(expended).debitBalance());
        if (left.compareTo(usd) < 0) {
            throw new ProblemException(409, "above-allocation", "More than allocated",
                    "Only " + Money.usd(left) + " USD of allocation " + in.allocationId() + " is left to spend; the expenditure is "
                            + Money.usd(usd) + " USD.", List.of(new Problem.FieldError("amount", "is more than is left of the allocation")));
        }
        long movementId = insertMovement(fundId, MovementKind.EXPENDITURE, null, null, in.allocationId(), nullableNum(allocation.get(0)[0]),
                null, Money.USD, null, usd, date, null, null, null, null, null, in.description(), nullableNum(allocation.get(0)[1]));
        post(fundId, movementId, MovementKind.EXPENDITURE, date, null, null, in.description(), accounts,
                List.of(new PostLeg(expended, true, usd, null, null), new PostLeg(CASH, false, usd, null, null)));
        addToTotals(fundId, figures(fundId, movementId, 1));
        return movement(fundId, movementId);
    }

    /**
     * Money leaving or entering the bank outside receipts and expenditures, each in its own
     * account. A refund returns unallocated money of a pool to a donor (DR REFUNDS:pool / CR CASH);
     * bank charges are borne by unearmarked money (DR FEES:BANK_CHARGES / CR CASH); interest earned
     * is unearmarked money (DR CASH / CR INTEREST). What leaves never exceeds what the pool has
     * available ({@link #available}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public MovementView cash(long fundId, MovementKind kind, CashInput in) {
        requireFund(fundId);
        Long donorId = null;
        if (kind == MovementKind.REFUND) {
            donorId = requireDonor("donorId", in.donorId());
        } else if (in.donorId() != null) {
            throw ProblemException.validation("donorId", "only a refund names a donor");
        }
        if (kind != MovementKind.REFUND && in.source() != null && !"NONE".equals(normalise(in.source()).kind())) {
            throw ProblemException.validation("source", "interest and bank charges are unearmarked");
        }
        BigDecimal usd = Money.parse("amount", in.amount(), Money.USD);
        LocalDate date = requiredDate("valueDate", in.valueDate());
        String bankReference = in.bankReference() == null || in.bankReference().isBlank() ? null : required("bankReference", in.bankReference(), 100);
        Earmark source = kind == MovementKind.REFUND ? earmark(fundId, "source", in.source()) : Earmark.NONE;
        List<String> touched = new ArrayList<>(poolAccounts(poolKey(source)));
        touched.add(CASH);
        String contributions = CONTRIBUTIONS + donorId + ":" + poolKey(source);
        String held = HELD_FOR_DONORS + poolKey(source);
        if (kind == MovementKind.REFUND) {
            touched.add(contributions);
            touched.add(held);
        }
        Map<String, FundAccountBalance> accounts = lock(fundId, touched);
        boolean incoming = kind == MovementKind.INTEREST;
        BigDecimal available = available(accounts, poolKey(source));
        if (!incoming && available.compareTo(usd) < 0) {
            throw insufficient("Only " + Money.usd(available) + " USD is available in pool " + poolKey(source)
                    + "; the " + kind.name().toLowerCase().replace('_', ' ') + " is " + Money.usd(usd) + " USD.");
        }
        // A donor gets back at most what it has contributed to the pool (received less refunded).
        if (kind == MovementKind.REFUND && accounts.get(contributions).creditBalance().compareTo(usd) < 0) {
            throw insufficient("Donor " + donorId + " has contributed " + Money.usd(accounts.get(contributions).creditBalance())
                    + " USD to pool " + poolKey(source) + " (received less refunded); the refund is " + Money.usd(usd) + " USD.");
        }
        String own = switch (kind) {
            case INTEREST -> INTEREST;
            case BANK_CHARGE -> BANK_CHARGES;
            default -> REFUNDS + poolKey(source);
        };
        long movementId = insertMovement(fundId, kind, donorId, null, null, null, null, Money.USD, null, usd, date,
                kind == MovementKind.REFUND ? source : null, null, null, null, bankReference, in.description());
        List<PostLeg> legs = new ArrayList<>(incoming
                ? List.of(new PostLeg(CASH, true, usd, null, null), new PostLeg(own, false, usd, null, null))
                : List.of(new PostLeg(own, true, usd, null, null), new PostLeg(CASH, false, usd, null, null)));
        if (kind == MovementKind.REFUND) {
            legs.add(new PostLeg(contributions, true, usd, null, null));
            legs.add(new PostLeg(held, false, usd, null, null));
        }
        post(fundId, movementId, kind, date, donorId, null, in.description(), accounts, legs);
        addToTotals(fundId, figures(fundId, movementId, 1));
        return movement(fundId, movementId);
    }

    /** Posts the mirror of an entry; refused if that entry is a reversal, is reversed already, or the mirror would overdraw. */
    @Transactional(Transactional.TxType.MANDATORY)
    public MovementView reversal(long fundId, long entryId, ReversalInput in) {
        requireFund(fundId);
        List<Object[]> entry = rows("SELECT kind, donor_id, movement_id FROM fund_journal_entry WHERE id = ?1 AND fund_id = ?2", entryId, fundId);
        if (entry.isEmpty()) {
            throw ProblemException.notFound("No journal entry " + entryId + " in fund " + fundId + ".");
        }
        if (MovementKind.REVERSAL.name().equals(entry.get(0)[0])) {
            throw ProblemException.conflict("Entry " + entryId + " is a reversal; post the movement again instead of reversing a reversal.");
        }
        LocalDate date = in == null || in.valueDate() == null ? LocalDate.now() : in.valueDate();
        String reason = in == null ? null : in.reason();
        if (reason != null && reason.length() > 500) {
            throw ProblemException.validation("reason", "must be at most 500 characters");
        }
        List<Object[]> legs = rows("SELECT account, side, amount_usd, amount, currency FROM fund_journal_leg WHERE entry_id = ?1 ORDER BY position", entryId);
        List<String> touched = new ArrayList<>();
        TreeSet<String> pools = new TreeSet<>();
        for (Object[] leg : legs) {
            String account = (String) leg[0];
            touched.add(account);
            if (account.startsWith("ALLOCATED:")) { // checked against what was spent of it, so locked too
                touched.add("EXPENDED:" + account.substring("ALLOCATED:".length()));
            }
            String pool = poolOf(account);
            if (pool != null) { // what the pool has available is checked, so all of its accounts are locked
                pools.add(pool);
                touched.addAll(poolAccounts(pool));
            }
        }
        Map<String, FundAccountBalance> accounts = lock(fundId, touched);
        // Locked: a concurrent reversal of the same entry waits here, then finds it reversed.
        if (count("SELECT COUNT(*) FROM fund_journal_entry WHERE reverses_entry_id = ?1", entryId) > 0) {
            throw ProblemException.conflict("Entry " + entryId + " is reversed already.");
        }
        long reversedMovement = num(entry.get(0)[2]);
        Map<String, BigDecimal[]> totals = figures(fundId, reversedMovement, -1);
        if (MovementKind.PLEDGE.name().equals(entry.get(0)[0])) {
            // A pledge with money received against it stays: the receipts would lose the pledge they paid.
            if (lockPledge(reversedMovement).receipts() > 0) {
                throw ProblemException.conflict("Pledge entry " + entryId + " has receipts against it; reverse the receipts first.");
            }
            em.createNativeQuery("UPDATE fund_pledge_balance SET reversed = TRUE WHERE pledge_id = ?1")
                    .setParameter(1, reversedMovement).executeUpdate();
        } else if (MovementKind.RECEIPT.name().equals(entry.get(0)[0])) {
            List<Object[]> paid = rows("SELECT pledge_id, amount FROM fund_movement WHERE id = ?1 AND pledge_id IS NOT NULL", reversedMovement);
            if (!paid.isEmpty()) { // what the receipt added to its pledge's balance comes off again, exactly
                lockPledge(num(paid.get(0)[0]));
                totals.put(OUTSTANDING_PLEDGES, new BigDecimal[] {
                        receivedAgainstPledge(num(paid.get(0)[0]), dec(paid.get(0)[1]).negate(), -1), BigDecimal.ZERO});
            }
        }
        List<PostLeg> mirror = legs.stream().map(l -> new PostLeg((String) l[0], "CREDIT".equals(l[1]), dec(l[2]),
                l[3] == null ? null : dec(l[3]), (String) l[4])).toList();
        Long donorId = nullableNum(entry.get(0)[1]);
        BigDecimal usd = mirror.stream().filter(PostLeg::debit).map(PostLeg::amountUsd).reduce(ZERO, BigDecimal::add);
        long movementId = insertMovement(fundId, MovementKind.REVERSAL, donorId, null, null, null, null, Money.USD, null, usd, date,
                null, null, null, null, null, reason);
        post(fundId, movementId, MovementKind.REVERSAL, date, donorId, entryId, reason, accounts, mirror);
        for (FundAccountBalance balance : List.copyOf(accounts.values())) {
            String account = balance.account;
            if ((account.equals(CASH) || account.startsWith("EXPENDED:")) && balance.debitBalance().signum() < 0
                    || account.startsWith(CONTRIBUTIONS) && balance.creditBalance().signum() < 0) {
                throw insufficient("Reversing entry " + entryId + " would leave account " + account + " below zero; reverse what was"
                        + " done with that money first.");
            }
            if (account.startsWith("ALLOCATED:")) {
                FundAccountBalance expended = accounts.get("EXPENDED:" + account.substring("ALLOCATED:".length()));
                if (balance.creditBalance().compareTo(expended.debitBalance()) < 0) {
                    throw insufficient("Reversing entry " + entryId + " would leave less allocated than already spent; reverse the"
                            + " expenditures first.");
                }
            }
        }
        for (String pool : pools) {
            if (available(accounts, pool).signum() < 0) {
                throw insufficient("Reversing entry " + entryId + " would leave pool " + pool + " below zero; reverse what was"
                        + " done with that money first.");
            }
        }
        addToTotals(fundId, totals);
        return movement(fundId, movementId);
    }

    // ---------------------------------------------------------------- pools and pledge balances

    /** The accounts that together make up what a pool has available (all locked before it is checked). */
    static List<String> poolAccounts(String pool) {
        return "NONE".equals(pool) ? List.of(UNALLOCATED + pool, REFUNDS + pool, INTEREST, BANK_CHARGES)
                : List.of(UNALLOCATED + pool, REFUNDS + pool);
    }

    /** The pool an account belongs to, or null. */
    static String poolOf(String account) {
        if (account.startsWith(UNALLOCATED)) {
            return account.substring(UNALLOCATED.length());
        }
        if (account.startsWith(REFUNDS)) {
            return account.substring(REFUNDS.length());
        }
        return account.equals(INTEREST) || account.equals(BANK_CHARGES) ? "NONE" : null;
    }

    /**
     * What a pool has available to allocate (or refund): its unallocated receipts less its
     * refunds; for the unearmarked pool also plus interest earned and less bank charges paid.
     */
    static BigDecimal available(Map<String, FundAccountBalance> accounts, String pool) {
        BigDecimal available = ZERO;
        for (String account : poolAccounts(pool)) {
            FundAccountBalance b = accounts.get(account);
            if (b != null) {
                available = available.add(account.startsWith(UNALLOCATED) || account.equals(INTEREST) ? b.creditBalance() : b.debitBalance().negate());
            }
        }
        return available;
    }

    record PledgeBalance(BigDecimal received, int receipts, boolean reversed) {
    }

    /** Locks a pledge's balance row; taken after the account rows, in every posting that takes both. */
    private PledgeBalance lockPledge(long pledgeId) {
        Object[] r = rows("SELECT received, receipts, reversed FROM fund_pledge_balance WHERE pledge_id = ?1 FOR UPDATE", pledgeId).get(0);
        return new PledgeBalance(dec(r[0]), ((Number) r[1]).intValue(), bool(r[2]));
    }

    /** Adds to what a pledge (its balance row locked) has received; answers by how much its outstanding USD changed. */
    private BigDecimal receivedAgainstPledge(long pledgeId, BigDecimal amount, int receipts) {
        Object[] p = rows("SELECT p.amount, p.exchange_rate, b.received FROM fund_pledge_balance b JOIN fund_movement p"
                + " ON p.id = b.pledge_id WHERE b.pledge_id = ?1", pledgeId).get(0);
        em.createNativeQuery("UPDATE fund_pledge_balance SET received = received + ?1, receipts = receipts + ?2 WHERE pledge_id = ?3")
                .setParameter(1, amount).setParameter(2, receipts).setParameter(3, pledgeId).executeUpdate();
        BigDecimal before = dec(p[0]).subtract(dec(p[2])).max(BigDecimal.ZERO);
        BigDecimal after = dec(p[0]).subtract(dec(p[2]).add(amount)).max(BigDecimal.ZERO);
        return Money.toUsd(after, dec(p[1])).subtract(Money.toUsd(before, dec(p[1])));
    }

    // ---------------------------------------------------------------- running totals (fund_total)

    /**
     * The figures a movement adds to (sign 1, when posted) or takes from (sign -1, when reversed):
     * {USD, live movements} per figure of {@code fund_total}. A receipt against a pledge changes
     * {@code OUTSTANDING_PLEDGES} too, by what its pledge balance says (see receivedAgainstPledge).
     */
    private Map<String, BigDecimal[]> figures(long fundId, long movementId, int sign) {
        Object[] m = rows("SELECT m.kind, m.amount_usd, d.donor_type, m.budget_line_id, m.beneficiary_region,"
                + " m.beneficiary_income_group, m.income_group_edition, m.earmark_kind, m.earmark_budget_line_id, m.earmark_cluster_id,"
                + " m.earmark_region FROM fund_movement m LEFT JOIN fund_donor d ON d.id = m.donor_id WHERE m.id = ?1 AND m.fund_id = ?2",
                movementId, fundId).get(0);
        BigDecimal usd = dec(m[1]).multiply(BigDecimal.valueOf(sign));
        BigDecimal one = BigDecimal.valueOf(sign);
        Map<String, BigDecimal[]> figures = new HashMap<>();
        switch (MovementKind.valueOf((String) m[0])) {
            case PLEDGE -> figures.put(OUTSTANDING_PLEDGES, new BigDecimal[] {usd, one});
            case RECEIPT -> figures.put("RECEIVED:DONOR_TYPE:" + m[2], new BigDecimal[] {usd, one});
            case REFUND -> figures.put("RECEIVED:DONOR_TYPE:" + m[2], new BigDecimal[] {usd.negate(), BigDecimal.ZERO});
            case ALLOCATION -> {
                List<String> names = new ArrayList<>(List.of("ALLOCATED", "ALLOCATED:POOL:" + poolKey(earmarkOf(m, 7))));
                if (m[3] != null) {
                    names.add("ALLOCATED:BUDGET_LINE:" + m[3]);
                }
                if (m[4] != null) {
                    names.add("ALLOCATED:REGION:" + m[4]);
                }
                if (m[5] != null) {
                    names.add("ALLOCATED:INCOME_GROUP:" + m[5]);
                }
                if (m[6] != null) {
                    names.add("ALLOCATED:EDITION:" + m[6]);
                }
                names.forEach(n -> figures.put(n, new BigDecimal[] {usd, one}));
            }
            case EXPENDITURE -> {
                figures.put("SPENT", new BigDecimal[] {usd, one});
                if (m[3] != null) {
                    figures.put("SPENT:BUDGET_LINE:" + m[3], new BigDecimal[] {usd, one});
                }
            }
            default -> {
            }
        }
        return figures;
    }

    /**
     * Adds to the fund's figures in the posting's own transaction, one upsert per figure in figure
     * order, after every account row the posting locked: a figure's row is locked by its first
     * write and held to the commit, and everyone takes them in the same order, so racing postings
     * queue up and never deadlock; a missing row is inserted by the same statement (no second
     * connection is needed while the posting holds its locks).
     */
    private void addToTotals(long fundId, Map<String, BigDecimal[]> deltas) {
        for (String figure : new TreeSet<>(deltas.keySet())) {
            BigDecimal[] d = deltas.get(figure);
            em.createNativeQuery("INSERT INTO fund_total (fund_id, figure, usd, items) VALUES (?1, ?2, ?3, ?4)"
                            + " ON DUPLICATE KEY UPDATE usd = usd + VALUES(usd), items = items + VALUES(items)")
                    .setParameter(1, fundId).setParameter(2, figure).setParameter(3, d[0]).setParameter(4, d[1].intValue()).executeUpdate();
        }
    }

    // ---------------------------------------------------------------- posting

    record PostLeg(String account, boolean debit, BigDecimal amountUsd, BigDecimal amount, String currency) {
    }

    /**
     * Locks the balance rows of these accounts, in account order, creating missing rows first (in
     * their own short transaction, so the row exists for everyone to lock).
     */
    Map<String, FundAccountBalance> lock(long fundId, List<String> accounts) {
        TreeSet<String> sorted = new TreeSet<>(accounts);
        // Only the missing rows are inserted: an INSERT IGNORE of a row this transaction already
        // holds locked (an import posting many rows in one transaction) would wait for itself.
        TreeSet<String> missing = new TreeSet<>(sorted);
        rows("SELECT account FROM fund_account_balance WHERE fund_id = ?1 AND account IN (?2)", fundId, sorted)
                .forEach(r -> missing.remove((String) r[0]));
        if (!missing.isEmpty()) {
            Runnable create = () -> {
                for (String account : missing) {
                    em.createNativeQuery("INSERT IGNORE INTO fund_account_balance (fund_id, account) VALUES (?1, ?2)")
                            .setParameter(1, fundId).setParameter(2, account).executeUpdate();
                }
            };
            if (scope.balanceRowsInCallerTransaction) {
                create.run(); // committed or rolled back with the caller
            } else {
                QuarkusTransaction.requiringNew().run(create);
            }
        }
        // A locking read sees the latest committed row (not this transaction's snapshot); no balance
        // entity is loaded before this point in a posting, so none is a stale cached copy.
        List<FundAccountBalance> rows = FundAccountBalance.<FundAccountBalance>find("fundId = ?1 and account in ?2 order by account",
                fundId, sorted).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        Map<String, FundAccountBalance> locked = new LinkedHashMap<>();
        for (FundAccountBalance row : rows) {
            locked.put(row.account, row);
        }
        return locked;
    }

    /** Writes one balanced entry with its legs and moves the running balances (new accounts get a row). */
    private long post(long fundId, long movementId, MovementKind kind, LocalDate date, Long donorId, Long reversesEntryId,
                      String description, Map<String, FundAccountBalance> accounts, List<PostLeg> legs) {
        BigDecimal debits = legs.stream().filter(PostLeg::debit).map(PostLeg::amountUsd).reduce(ZERO, BigDecimal::add);
        BigDecimal credits = legs.stream().filter(l -> !l.debit()).map(PostLeg::amountUsd).reduce(ZERO, BigDecimal::add);
        if (debits.compareTo(credits) != 0 || legs.size() < 2) {
            throw new IllegalStateException("Unbalanced entry: debits " + debits + ", credits " + credits);
        }
        em.createNativeQuery("INSERT INTO fund_journal_entry (fund_id, movement_id, kind, value_date, donor_id, reverses_entry_id,"
                        + " description, posted_by, posted_by_subject) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, fundId).setParameter(2, movementId).setParameter(3, kind.name()).setParameter(4, date)
                .setParameter(5, donorId).setParameter(6, reversesEntryId).setParameter(7, description)
                .setParameter(8, caller.recordedBy()).setParameter(9, caller.subject()).executeUpdate();
        long entryId = lastId();
        int position = 0;
        for (PostLeg leg : legs) {
            em.createNativeQuery("INSERT INTO fund_journal_leg (entry_id, position, account, side, amount_usd, amount, currency)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, entryId).setParameter(2, position++).setParameter(3, leg.account())
                    .setParameter(4, leg.debit() ? "DEBIT" : "CREDIT").setParameter(5, leg.amountUsd())
                    .setParameter(6, leg.amount()).setParameter(7, leg.currency()).executeUpdate();
            FundAccountBalance balance = accounts.get(leg.account());
            if (balance == null) { // an account born with this movement (an allocation's own): nobody else can hold it yet
                balance = new FundAccountBalance();
                balance.fundId = fundId;
                balance.account = leg.account();
                balance.persist();
                accounts.put(leg.account(), balance);
            }
            if (leg.debit()) {
                balance.debitsUsd = balance.debitsUsd.add(leg.amountUsd());
            } else {
                balance.creditsUsd = balance.creditsUsd.add(leg.amountUsd());
            }
        }
        em.flush();
        return entryId;
    }

    private long insertMovement(long fundId, MovementKind kind, Long donorId, Long pledgeId, Long allocationId, Long budgetLineId,
                                BigDecimal amount, String currency, BigDecimal rate, BigDecimal usd, LocalDate date, Earmark earmark,
                                String region, String incomeGroup, String edition, String bankReference, String description) {
        return insertMovement(fundId, kind, donorId, pledgeId, allocationId, budgetLineId, amount, currency, rate, usd, date, earmark,
                region, incomeGroup, edition, bankReference, description, null);
    }

    private long insertMovement(long fundId, MovementKind kind, Long donorId, Long pledgeId, Long allocationId, Long budgetLineId,
                                BigDecimal amount, String currency, BigDecimal rate, BigDecimal usd, LocalDate date, Earmark earmark,
                                String region, String incomeGroup, String edition, String bankReference, String description,
                                Long activityId) {
        if (description != null && description.length() > 500) {
            throw ProblemException.validation("description", "must be at most 500 characters");
        }
        em.createNativeQuery("INSERT INTO fund_movement (fund_id, kind, donor_id, pledge_id, allocation_id, budget_line_id, amount,"
                        + " currency, exchange_rate, amount_usd, value_date, earmark_kind, earmark_budget_line_id, earmark_cluster_id,"
                        + " earmark_region, beneficiary_region, beneficiary_income_group, income_group_edition, bank_reference,"
                        + " description, recorded_by, activity_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                        + " ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)")
                .setParameter(1, fundId).setParameter(2, kind.name()).setParameter(3, donorId).setParameter(4, pledgeId)
                .setParameter(5, allocationId).setParameter(6, budgetLineId).setParameter(7, amount).setParameter(8, currency)
                .setParameter(9, rate).setParameter(10, usd).setParameter(11, date)
                .setParameter(12, earmark == null ? null : earmark.kind())
                .setParameter(13, earmark == null ? null : earmark.budgetLineId())
                .setParameter(14, earmark == null ? null : earmark.clusterId())
                .setParameter(15, earmark == null ? null : earmark.region())
                .setParameter(16, region).setParameter(17, incomeGroup).setParameter(18, edition).setParameter(19, bankReference)
                .setParameter(20, description).setParameter(21, caller.recordedBy()).setParameter(22, activityId).executeUpdate();
        return lastId();
    }

    // ---------------------------------------------------------------- reads

    public MovementView movement(long fundId, long movementId) {
        List<Object[]> rows = rows("SELECT m.id, m.kind, m.donor_id, m.pledge_id, m.allocation_id, m.budget_line_id, m.amount, m.currency,"
                + " m.exchange_rate, m.amount_usd, m.value_date, m.earmark_kind, m.earmark_budget_line_id, m.earmark_cluster_id,"
                + " m.earmark_region, m.beneficiary_region, m.beneficiary_income_group, m.income_group_edition, m.bank_reference,"
                + " m.description, e.id, m.activity_id FROM fund_movement m JOIN fund_journal_entry e ON e.movement_id = m.id"
                + " WHERE m.id = ?1 AND m.fund_id = ?2", movementId, fundId);
        if (rows.isEmpty()) {
            throw ProblemException.notFound("No movement " + movementId + " in fund " + fundId + ".");
        }
        Object[] r = rows.get(0);
        String currency = (String) r[7];
        List<LocalDate> dates = "PLEDGE".equals(r[1])
                ? rows("SELECT due_on, position FROM fund_pledge_payment WHERE movement_id = ?1 ORDER BY position", movementId)
                .stream().map(d -> date(d[0])).toList() : null;
        return new MovementView(num(r[0]), fundId, (String) r[1], nullableNum(r[2]), nullableNum(r[3]), nullableNum(r[4]),
                nullableNum(r[5]), nullableNum(r[21]), r[6] == null ? null : Money.format(dec(r[6]), currency), currency,
                r[8] == null ? null : dec(r[8]).stripTrailingZeros().toPlainString(), Money.usd(dec(r[9])), date(r[10]),
                r[11] == null ? null : earmarkOf(r, 11), (String) r[15], (String) r[16], (String) r[17], (String) r[18], dates,
                (String) r[19], entries(List.of(num(r[20]))).get(0));
    }

    /** Entries with their legs, in the order of the ids given. */
    private List<JournalEntryView> entries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Leg>> legs = new HashMap<>();
        for (Object[] l : rows("SELECT entry_id, account, side, amount_usd, amount, currency FROM fund_journal_leg WHERE entry_id IN (?1)"
                + " ORDER BY entry_id, position", ids)) {
            legs.computeIfAbsent(num(l[0]), k -> new ArrayList<>()).add(new Leg((String) l[1], (String) l[2], Money.usd(dec(l[3])),
                    l[4] == null ? null : Money.format(dec(l[4]), (String) l[5]), (String) l[5]));
        }
        Map<Long, JournalEntryView> byId = new HashMap<>();
        for (Object[] e : rows("SELECT e.id, e.movement_id, e.kind, e.value_date, e.donor_id, e.reverses_entry_id, r.id, e.description,"
                + " e.posted_by, e.posted_at FROM fund_journal_entry e LEFT JOIN fund_journal_entry r ON r.reverses_entry_id = e.id"
                + " WHERE e.id IN (?1)", ids)) {
            long id = num(e[0]);
            byId.put(id, new JournalEntryView(id, num(e[1]), (String) e[2], date(e[3]), nullableNum(e[4]), nullableNum(e[5]),
                    nullableNum(e[6]), (String) e[7], (String) e[8], instant(e[9]), legs.getOrDefault(id, List.of())));
        }
        return ids.stream().map(byId::get).toList();
    }

    public Page<JournalEntryView> journal(long fundId, String kind, Long donorId, String account, LocalDate from, LocalDate to,
                                          PageRequest paging) {
        requireFund(fundId);
        // A query parameter: a bad value is a 400 (as for every other filter), not a 422.
        MovementKind movementKind = org.learningcities.common.QueryParams.enumValue(MovementKind.class, "kind", kind);
        StringBuilder where = new StringBuilder(" FROM fund_journal_entry e WHERE e.fund_id = ?1");
        List<Object> params = new ArrayList<>(List.of(fundId));
        if (movementKind != null) {
            params.add(movementKind.name());
            where.append(" AND e.kind = ?").append(params.size());
        }
        if (donorId != null) {
            params.add(donorId);
            where.append(" AND e.donor_id = ?").append(params.size());
        }
        if (account != null && !account.isBlank()) {
            params.add(account);
            where.append(" AND EXISTS (SELECT 1 FROM fund_journal_leg l WHERE l.entry_id = e.id AND l.account = ?").append(params.size()).append(")");
        }
        if (from != null) {
            params.add(from);
            where.append(" AND e.value_date >= ?").append(params.size());
        }
        if (to != null) {
            params.add(to);
            where.append(" AND e.value_date <= ?").append(params.size());
        }
        long total = count("SELECT COUNT(*)" + where, params.toArray());
        var query = em.createNativeQuery("SELECT e.id" + where + " ORDER BY " + paging.orderBy() + ", e.id");
        if (paging.size() < Integer.MAX_VALUE) {
            query.setFirstResult(paging.offset()).setMaxResults(paging.size());
        }
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        List<Long> ids = ((List<?>) query.getResultList()).stream().map(FundService::num).toList();
        return Page.of(entries(ids), paging, total);
    }

    public TrialBalance trialBalance(long fundId) {
        requireFund(fundId);
        List<AccountLine> lines = new ArrayList<>();
        BigDecimal debits = ZERO;
        BigDecimal credits = ZERO;
        for (FundAccountBalance b : FundAccountBalance.<FundAccountBalance>list("fundId = ?1 order by account", fundId)) {
            lines.add(new AccountLine(b.account, Money.usd(b.debitsUsd), Money.usd(b.creditsUsd), Money.usd(b.debitBalance())));
            debits = debits.add(b.debitsUsd);
            credits = credits.add(b.creditsUsd);
        }
        return new TrialBalance(fundId, Money.USD, lines, Money.usd(debits), Money.usd(credits), debits.compareTo(credits) == 0);
    }

    /**
     * The public figures, from a fixed set of rows whatever the size of the journal: the pools'
     * accounts and PLEDGE_COMMITMENTS, and the fund's running totals (fund_total).
     */
    public FundSummary summary(long fundId) {
        FundView fund = fund(fundId);
        BigDecimal available = ZERO;
        BigDecimal pledged = ZERO;
        for (Object[] b : rows("SELECT account, debits_usd, credits_usd FROM fund_account_balance WHERE fund_id = ?1 AND (account IN"
                + " ('PLEDGE_COMMITMENTS', 'INTEREST', 'FEES:BANK_CHARGES') OR account LIKE 'UNALLOCATED:%' OR account LIKE 'REFUNDS:%')",
                fundId)) {
            String account = (String) b[0];
            BigDecimal credit = dec(b[2]).subtract(dec(b[1]));
            if (account.equals(PLEDGE_COMMITMENTS)) {
                pledged = credit;
            } else { // available: every pool's unallocated money plus interest, less refunds and bank charges (see available())
                available = available.add(credit);
            }
        }
        Map<String, BigDecimal[]> totals = totals(fundId);
        BigDecimal allocated = total(totals, "ALLOCATED");
        BigDecimal africa = total(totals, "ALLOCATED:REGION:" + UnescoRegion.Code.AFRICA.name());
        BigDecimal lowIncome = total(totals, "ALLOCATED:INCOME_GROUP:" + IncomeGroup.Code.LOW.name());
        TreeSet<String> editions = new TreeSet<>();
        List<DonorTypeTotal> byType = new ArrayList<>();
        BigDecimal received = ZERO;
        for (Map.Entry<String, BigDecimal[]> t : new java.util.TreeMap<>(totals).entrySet()) {
            if (t.getKey().startsWith("ALLOCATED:EDITION:") && t.getValue()[1].signum() > 0) {
                editions.add(t.getKey().substring("ALLOCATED:EDITION:".length()));
            }
            if (t.getKey().startsWith("RECEIVED:DONOR_TYPE:") && t.getValue()[1].signum() > 0) {
                byType.add(new DonorTypeTotal(t.getKey().substring("RECEIVED:DONOR_TYPE:".length()), Money.usd(t.getValue()[0])));
                received = received.add(t.getValue()[0]);
            }
        }
        // An allocation to a cluster activity alone has no budget line; it counts in the total only.
        List<BudgetLineTotal> lines = fund.budgetLines().stream().map(l -> new BudgetLineTotal(l.id(), l.code(), l.name(), l.planned(),
                Money.usd(total(totals, "ALLOCATED:BUDGET_LINE:" + l.id())), Money.usd(total(totals, "SPENT:BUDGET_LINE:" + l.id()))))
                .toList();
        BigDecimal target = new BigDecimal(fund.target());
        return new FundSummary(fundId, fund.code(), fund.name(), Money.USD, fund.target(), Money.usd(pledged), Money.usd(received),
                Money.usd(total(totals, OUTSTANDING_PLEDGES)), Money.usd(allocated), Money.usd(total(totals, "SPENT")), Money.usd(available),
                percent(received, target), Money.usd(africa), percent(africa, allocated), Money.usd(lowIncome), percent(lowIncome, allocated),
                List.copyOf(editions), byType, lines);
    }

    /** The fund's running totals: figure to {USD, live movements}. */
    private Map<String, BigDecimal[]> totals(long fundId) {
        Map<String, BigDecimal[]> totals = new HashMap<>();
        for (Object[] r : rows("SELECT figure, usd, items FROM fund_total WHERE fund_id = ?1", fundId)) {
            totals.put((String) r[0], new BigDecimal[] {dec(r[1]), dec(r[2])});
        }
        return totals;
    }

    private static BigDecimal total(Map<String, BigDecimal[]> totals, String figure) {
        BigDecimal[] t = totals.get(figure);
        return t == null ? ZERO : t[0].setScale(2);
    }

    /** Per allocation and per budget line, what was allocated and spent, from the balances of their accounts. */
    public FundUses uses(long fundId) {
        FundView fund = fund(fundId);
        List<AllocationUse> allocations = new ArrayList<>();
        Map<Long, BigDecimal[]> perLine = new HashMap<>();
        for (Object[] r : rows("SELECT m.id, m.value_date, m.budget_line_id, m.beneficiary_region, m.beneficiary_income_group,"
                + " m.description, COALESCE(a.credits_usd - a.debits_usd, 0), COALESCE(x.debits_usd - x.credits_usd, 0), m.activity_id"
                + " FROM fund_movement m LEFT JOIN fund_account_balance a ON a.fund_id = m.fund_id AND a.account = CONCAT('ALLOCATED:', m.id)"
                + " LEFT JOIN fund_account_balance x ON x.fund_id = m.fund_id AND x.account = CONCAT('EXPENDED:', m.id)"
                + " WHERE m.fund_id = ?1 AND m.kind = 'ALLOCATION' ORDER BY m.value_date, m.id", fundId)) {
            BigDecimal allocated = dec(r[6]).setScale(2);
            BigDecimal spent = dec(r[7]).setScale(2);
            Long line = nullableNum(r[2]);
            allocations.add(new AllocationUse(num(r[0]), date(r[1]), line, nullableNum(r[8]), (String) r[3], (String) r[4], (String) r[5],
                    Money.usd(allocated), Money.usd(spent), percent(spent, allocated)));
            if (line != null) {
                BigDecimal[] t = perLine.computeIfAbsent(line, k -> new BigDecimal[] {ZERO, ZERO});
                t[0] = t[0].add(allocated);
                t[1] = t[1].add(spent);
            }
        }
        List<BudgetLineUse> lines = fund.budgetLines().stream().map(l -> {
            BigDecimal[] t = perLine.getOrDefault(l.id(), new BigDecimal[] {ZERO, ZERO});
            return new BudgetLineUse(l.id(), l.code(), l.name(), l.planned(), Money.usd(t[0]), Money.usd(t[1]), percent(t[1], t[0]));
        }).toList();
        return new FundUses(fundId, Money.USD, lines, allocations);
    }

    /** The whole statement, every pledge, receipt and use (the CSV export; the donor's work queue). */
    public DonorStatement statementInFull(long fundId, long donorId) {
        return statement(fundId, donorId, new PageRequest(1, Integer.MAX_VALUE, List.of()));
    }

    /** The SQL expression of a movement's earmark pool (as {@link #poolKey}), over fund_movement {@code m}. */
    private static final String POOL_OF_MOVEMENT = "CASE m.earmark_kind WHEN 'BUDGET_LINE' THEN CONCAT('BUDGET_LINE:', m.earmark_budget_line_id)"
            + " WHEN 'CLUSTER' THEN CONCAT('CLUSTER:', m.earmark_cluster_id) WHEN 'REGION' THEN CONCAT('REGION:', m.earmark_region)"
            + " ELSE m.earmark_kind END";

    /**
     * A donor's statement: its totals and shares from the balances of its contribution accounts,
     * and one page of each list (pledges, receipts, uses), so what it reads does not grow with the
     * journal.
     */
    public DonorStatement statement(long fundId, long donorId, PageRequest paging) {
        requireFund(fundId);
        DonorView donor = donor(donorId);
        // The donor's contribution per pool (received less refunded) and each such pool's total over all its donors.
        Map<String, BigDecimal[]> shares = new java.util.TreeMap<>();
        BigDecimal total = ZERO;
        String prefix = CONTRIBUTIONS + donorId + ":";
        for (Object[] r : rows("SELECT account, credits_usd - debits_usd FROM fund_account_balance WHERE fund_id = ?1 AND account LIKE ?2",
                fundId, prefix + "%")) {
            BigDecimal mine = dec(r[1]);
            total = total.add(mine);
            if (mine.signum() > 0) {
                shares.put(((String) r[0]).substring(prefix.length()), new BigDecimal[] {mine, null});
            }
        }
        if (!shares.isEmpty()) {
            for (Object[] r : rows("SELECT account, debits_usd - credits_usd FROM fund_account_balance WHERE fund_id = ?1 AND account IN (?2)",
                    fundId, shares.keySet().stream().map(p -> HELD_FOR_DONORS + p).toList())) {
                shares.get(((String) r[0]).substring(HELD_FOR_DONORS.length()))[1] = dec(r[1]);
            }
        }
        long pledgesTotal = count("SELECT COUNT(*) FROM fund_movement WHERE fund_id = ?1 AND donor_id = ?2 AND kind = 'PLEDGE'", fundId, donorId);
        // What was received against each pledge comes from its balance row, not from its receipts.
        List<StatementPledge> pledges = page(paging, "SELECT m.id, m.value_date, m.amount, m.currency, m.amount_usd, m.earmark_kind,"
                + " m.earmark_budget_line_id, m.earmark_cluster_id, m.earmark_region, b.reversed, b.received"
                + " FROM fund_movement m JOIN fund_pledge_balance b ON b.pledge_id = m.id"
                + " WHERE m.fund_id = ?1 AND m.donor_id = ?2 AND m.kind = 'PLEDGE' ORDER BY m.value_date, m.id", fundId, donorId)
                .stream().map(r -> {
                    String currency = (String) r[3];
                    boolean isReversed = bool(r[9]);
                    BigDecimal received = dec(r[10]);
                    BigDecimal left = isReversed ? BigDecimal.ZERO : dec(r[2]).subtract(received).max(BigDecimal.ZERO);
                    return new StatementPledge(num(r[0]), date(r[1]), Money.format(dec(r[2]), currency), currency, Money.usd(dec(r[4])),
                            earmarkOf(r, 5), Money.format(received, currency), Money.format(left, currency), isReversed);
                }).toList();
        long receiptsTotal = count("SELECT COUNT(*) FROM fund_movement WHERE fund_id = ?1 AND donor_id = ?2 AND kind = 'RECEIPT'", fundId, donorId);
        List<StatementReceipt> receipts = page(paging, "SELECT m.id, m.value_date, m.pledge_id, m.amount, m.currency, m.exchange_rate,"
                + " m.amount_usd, m.bank_reference, m.earmark_kind, m.earmark_budget_line_id, m.earmark_cluster_id, m.earmark_region,"
                + " EXISTS (SELECT 1 FROM fund_journal_entry x WHERE x.reverses_entry_id = e.id)"
                + " FROM fund_movement m JOIN fund_journal_entry e ON e.movement_id = m.id"
                + " WHERE m.fund_id = ?1 AND m.donor_id = ?2 AND m.kind = 'RECEIPT' ORDER BY m.value_date, m.id", fundId, donorId)
                .stream().map(r -> {
                    String currency = (String) r[4];
                    return new StatementReceipt(num(r[0]), date(r[1]), nullableNum(r[2]), Money.format(dec(r[3]), currency), currency,
                            dec(r[5]).stripTrailingZeros().toPlainString(), Money.usd(dec(r[6])), (String) r[7], earmarkOf(r, 8), bool(r[12]));
                }).toList();
        // Uses: the live allocations drawing on the pools the donor has money in; how many, from the running totals.
        List<StatementUse> uses = new ArrayList<>();
        long usesTotal = 0;
        if (!shares.isEmpty()) {
            Map<String, BigDecimal[]> totals = totals(fundId);
            for (String pool : shares.keySet()) {
                BigDecimal[] t = totals.get("ALLOCATED:POOL:" + pool);
                usesTotal += t == null ? 0 : t[1].longValue();
            }
            for (Object[] r : page(paging, "SELECT m.id, m.value_date, m.earmark_kind, m.earmark_budget_line_id, m.earmark_cluster_id,"
                    + " m.earmark_region, m.budget_line_id, m.beneficiary_region, m.beneficiary_income_group,"
                    + " COALESCE(a.credits_usd - a.debits_usd, 0), COALESCE(x.debits_usd - x.credits_usd, 0)"
                    + " FROM fund_movement m JOIN fund_journal_entry e ON e.movement_id = m.id"
                    + " LEFT JOIN fund_account_balance a ON a.fund_id = m.fund_id AND a.account = CONCAT('ALLOCATED:', m.id)"
                    + " LEFT JOIN fund_account_balance x ON x.fund_id = m.fund_id AND x.account = CONCAT('EXPENDED:', m.id)"
                    + " WHERE m.fund_id = ?1 AND m.kind = 'ALLOCATION' AND " + POOL_OF_MOVEMENT + " IN (?2)"
                    + " AND NOT EXISTS (SELECT 1 FROM fund_journal_entry y WHERE y.reverses_entry_id = e.id) ORDER BY m.value_date, m.id",
                    fundId, List.copyOf(shares.keySet()))) {
                Earmark pool = earmarkOf(r, 2);
                BigDecimal[] share = shares.get(poolKey(pool));
                uses.add(new StatementUse(num(r[0]), date(r[1]), pool, nullableNum(r[6]), (String) r[7], (String) r[8],
                        percent(share[0], share[1]), Money.usd(part(dec(r[9]), share)), Money.usd(part(dec(r[10]), share))));
            }
        }
        return new DonorStatement(fundId, donor, paging.page(), paging.size(), pledgesTotal, receiptsTotal, usesTotal, pledges, receipts,
                Money.usd(total), uses, ATTRIBUTION_RULE);
    }

    static final String ATTRIBUTION_RULE = "Money received into an earmark pool (one earmark, or unearmarked money) is attributed to"
            + " the donors who paid into that pool pro rata to their contributions to it (receipts less refunds, in USD, reversed"
            + " movements left out): your part of an allocation drawing on the pool, and of what was spent of it, is its amount"
            + " times your contributions to the pool divided by all contributions to the pool, rounded to cents half-even."
            + " Earmarked money only you gave is so traced in full to its uses; unearmarked money is attributed pro rata to your"
            + " share of unearmarked contributions.";

    /** One page of a query's rows (all of them for an export, whose size is Integer.MAX_VALUE). */
    private List<Object[]> page(PageRequest paging, String sql, Object... params) {
        return results(em.createNativeQuery(sql).setFirstResult(paging.offset()).setMaxResults(paging.size()), params);
    }

    private static BigDecimal part(BigDecimal amount, BigDecimal[] share) {
        return amount.multiply(share[0]).divide(share[1], 2, RoundingMode.HALF_EVEN);
    }

    /** The donor's username, for the check that a donor reads only their own statement. */
    /** The login linked to the donor, or null when there is none (or no such donor: a stranger learns nothing). */
    public String donorUsername(long donorId) {
        List<Object[]> rows = rows("SELECT d.username FROM fund_donor d WHERE d.id = ?1", donorId);
        return rows.isEmpty() ? null : (String) rows.get(0)[0];
    }

    // ---------------------------------------------------------------- helpers

    private static ProblemException insufficient(String detail) {
        return new ProblemException(409, "insufficient-funds", "Not enough money available", detail, null);
    }

    private static String percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return "0.00";
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private String incomeGroupEdition(LocalDate date) {
        List<?> codes = em.createNativeQuery("SELECT code FROM income_group_edition WHERE effective_date <= ?1"
                + " ORDER BY effective_date DESC, loaded_at DESC").setParameter(1, date).setMaxResults(1).getResultList();
        if (codes.isEmpty()) {
            codes = em.createNativeQuery("SELECT code FROM income_group_edition ORDER BY effective_date, loaded_at")
                    .setMaxResults(1).getResultList();
        }
        return codes.isEmpty() ? null : (String) codes.get(0);
    }

    private Earmark earmark(long fundId, String field, Earmark given) {
        Earmark e = normalise(given);
        switch (EarmarkKind.valueOf(e.kind())) {
            case BUDGET_LINE -> {
                if (e.budgetLineId() == null || count("SELECT COUNT(*) FROM fund_budget_line WHERE id = ?1 AND fund_id = ?2",
                        e.budgetLineId(), fundId) == 0) {
                    throw ProblemException.validation(field + ".budgetLineId", "must be a budget line of this fund");
                }
            }
            case CLUSTER -> {
                if (e.clusterId() == null || count("SELECT COUNT(*) FROM cluster WHERE id = ?1", e.clusterId()) == 0) {
                    throw ProblemException.validation(field + ".clusterId", "must be an existing cluster for a CLUSTER earmark");
                }
            }
            case REGION -> {
                if (enumValue(UnescoRegion.Code.class, field + ".region", e.region()) == null) {
                    throw ProblemException.validation(field + ".region", "is required for a REGION earmark");
                }
            }
            default -> {
            }
        }
        return e;
    }

    /** Only the field that goes with the kind is kept. */
    private static Earmark normalise(Earmark given) {
        if (given == null) {
            return Earmark.NONE;
        }
        EarmarkKind kind = enumValue(EarmarkKind.class, "earmark.kind", given.kind());
        if (kind == null) {
            throw ProblemException.validation("earmark.kind", "is required");
        }
        return switch (kind) {
            case NONE, LOW_INCOME -> new Earmark(kind.name(), null, null, null);
            case BUDGET_LINE -> new Earmark(kind.name(), given.budgetLineId(), null, null);
            case CLUSTER -> new Earmark(kind.name(), null, given.clusterId(), null);
            case REGION -> new Earmark(kind.name(), null, null, given.region() == null ? null : given.region().toUpperCase());
        };
    }

    private static Earmark earmarkOf(Object[] r, int from) {
        return new Earmark((String) r[from], nullableNum(r[from + 1]), nullableNum(r[from + 2]), (String) r[from + 3]);
    }

    static String poolKey(Earmark e) {
        return switch (EarmarkKind.valueOf(e.kind())) {
            case NONE, LOW_INCOME -> e.kind();
            case BUDGET_LINE -> "BUDGET_LINE:" + e.budgetLineId();
            case CLUSTER -> "CLUSTER:" + e.clusterId();
            case REGION -> "REGION:" + e.region();
        };
    }

    private String currency(String currency) {
        String code = currency == null ? null : currency.trim();
        Money.minorUnits("currency", code);
        return code;
    }

    private static BigDecimal rate(String currency, String rate) {
        if (rate == null) {
            if (Money.USD.equals(currency)) {
                return BigDecimal.ONE;
            }
            throw ProblemException.validation("exchangeRate", "is required for an amount in " + currency);
        }
        BigDecimal value = Money.rate("exchangeRate", rate);
        if (Money.USD.equals(currency) && value.compareTo(BigDecimal.ONE) != 0) {
            throw ProblemException.validation("exchangeRate", "must be 1 for USD");
        }
        return value;
    }

    private void requireFund(long fundId) {
        if (count("SELECT COUNT(*) FROM fund WHERE id = ?1", fundId) == 0) {
            throw ProblemException.notFound("No fund " + fundId + ".");
        }
    }

    private long requireDonor(String field, Long donorId) {
        if (donorId == null || count("SELECT COUNT(*) FROM fund_donor WHERE id = ?1", donorId) == 0) {
            throw ProblemException.validation(field, "must be an existing donor");
        }
        return donorId;
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.validation(field, "is required");
        }
        if (value.trim().length() > max) {
            throw ProblemException.validation(field, "must be at most " + max + " characters");
        }
        return value.trim();
    }

    private static LocalDate requiredDate(String field, LocalDate value) {
        if (value == null) {
            throw ProblemException.validation(field, "is required");
        }
        return value;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation(field, "must be one of " + String.join(", ",
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    private long count(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    private List<Object[]> rows(String sql, Object... params) {
        return results(em.createNativeQuery(sql), params);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> results(jakarta.persistence.Query query, Object... params) {
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return ((List<Object>) query.getResultList()).stream()
                .map(o -> o instanceof Object[] a ? a : new Object[] {o}).toList();
    }

    /** Field names and values, in order, for the audit trail of a row written with native SQL (values may be null). */
    private static Map<String, Object> auditFields(Object... namesAndValues) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private long lastId() {
        return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    private static Long nullableNum(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private static BigDecimal dec(Object o) {
        return o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }

    private static boolean bool(Object o) {
        return o instanceof Boolean b ? b : o instanceof Number n && n.intValue() != 0;
    }

    /** The JDBC session runs in UTC (quarkus.hibernate-orm.jdbc.timezone), so a bare date-time is UTC. */
    private static Instant instant(Object o) {
        return o instanceof Timestamp t ? t.toInstant() : ((LocalDateTime) o).toInstant(ZoneOffset.UTC);
    }

    private static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

}
