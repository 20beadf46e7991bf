package org.learningcities.home;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.learningcities.clusters.Cluster;
import org.learningcities.clusters.ClusterMembership;
import org.learningcities.clusters.ReportService;
import org.learningcities.clusters.ReportViews.DueReport;
import org.learningcities.clusters.Survey;
import org.learningcities.clusters.SurveyAnswer;
import org.learningcities.clusters.WorkPlan;
import org.learningcities.clusters.WorkPlanActivity;
import org.learningcities.clusters.ActivityStatus;
import org.learningcities.common.Caller;
import org.learningcities.common.Language;
import org.learningcities.common.PageRequest;
import org.learningcities.common.Roles;
import org.learningcities.fund.FundService;
import org.learningcities.fund.FundViews.BudgetLineView;
import org.learningcities.fund.FundViews.DonorStatement;
import org.learningcities.fund.FundViews.DonorView;
import org.learningcities.fund.FundViews.FundView;
import org.learningcities.fund.FundViews.StatementUse;
import org.learningcities.home.HomeViews.Kind;
import org.learningcities.home.HomeViews.WorkQueue;
import org.learningcities.home.HomeViews.WorkQueueItem;
import org.learningcities.members.ApplicationService;
import org.learningcities.members.ApplicationState;
import org.learningcities.members.MemberCity;
import org.learningcities.members.MemberService;
import org.learningcities.members.MemberViews.MemberSummary;
import org.learningcities.toolkits.CaseStudyService;
import org.learningcities.toolkits.ToolkitViews.CaseStudyStatus;
import org.learningcities.toolkits.TranslationStatusQuery;

/**
 * What needs the caller's attention, per role. Counts come from the areas' own services (the
 * same queries as their list endpoints, asked for one row and the total), so a queue's number
 * always matches the screen its item links to.
 */
@ApplicationScoped
public class WorkQueueService {

    static final int SURVEY_CLOSING_DAYS = 14;
    static final int ACTIVITY_DAYS = 60;
    static final int NEW_MEMBER_DAYS = 90;
    static final int LOW_DELIVERY_AFTER_DAYS = 90;
    static final BigDecimal LOW_DELIVERY_PERCENT = BigDecimal.valueOf(50);
    static final int FUNDS_WATCHED = 200;
    static final int LATEST_USES = 3;

    private static final PageRequest JUST_THE_TOTAL = new PageRequest(1, 1, List.of());
    private static final PageRequest EVERYTHING = new PageRequest(1, 100_000, List.of());

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    ApplicationService applications;

    @Inject
    MemberService members;

    @Inject
    ReportService reports;

    @Inject
    CaseStudyService caseStudies;

    @Inject
    TranslationStatusQuery translations;

    @Inject
    FundService funds;

    @Transactional
    public WorkQueue forCaller(Language language) {
        LocalDate today = LocalDate.now();
        List<WorkQueueItem> items = new ArrayList<>();
        if (caller.hasRole(Roles.SECRETARIAT)) {
            secretariat(items, today, language);
        }
        if (caller.hasRole(Roles.FUND_MANAGER)) {
            fundManager(items, today);
        }
        if (caller.hasRole(Roles.COORDINATOR)) {
            coordinator(items, today, language);
        }
        if (caller.hasRole(Roles.FOCAL_POINT)) {
            focalPoint(items, today, language);
        }
        if (caller.hasRole(Roles.DONOR)) {
            donor(items);
        }
        return new WorkQueue(items, Instant.now());
    }

    // ---- secretariat

    private void secretariat(List<WorkQueueItem> items, LocalDate today, Language language) {
        String role = Roles.SECRETARIAT;
        long awaiting = 0;
        for (ApplicationState state : List.of(ApplicationState.SUBMITTED, ApplicationState.ENDORSED, ApplicationState.RECOMMENDED,
                ApplicationState.NOT_RECOMMENDED)) {
            awaiting += applications.list(new ApplicationService.Filter(null, state, null), JUST_THE_TOTAL).total();
        }
        items.add(WorkQueueItem.count(Kind.APPLICATIONS_AWAITING_STEP, role, awaiting, "/applications"));
        items.add(WorkQueueItem.count(Kind.MEMBER_REPORTS_OVERDUE, role, members.overdue(JUST_THE_TOTAL, language).total(), "/members"));

        List<DueReport> overdue = reports.due(today, true, null, EVERYTHING).items();
        long clusters = overdue.stream().map(DueReport::clusterId).distinct().count();
        LocalDate earliest = overdue.stream().map(DueReport::dueOn).min(Comparator.naturalOrder()).orElse(null);
        items.add(new WorkQueueItem(Kind.CLUSTER_REPORTS_OVERDUE, role, clusters, null, earliest, null, null, "/clusters/due-reports"));

        items.add(WorkQueueItem.count(Kind.FICHES_TO_REVIEW, role,
                caseStudies.list(CaseStudyStatus.SUBMITTED, null, null, JUST_THE_TOTAL, List.of(language.code())).total(), "/case-studies"));
        items.add(WorkQueueItem.count(Kind.TRANSLATION_GAPS, role, translations.list(null, null, JUST_THE_TOTAL).total(), "/translation-status"));

        for (Survey survey : Survey.<Survey>list("opensOn <= ?1 and closesOn >= ?1 and closesOn <= ?2 order by closesOn, id",
                today, today.plusDays(SURVEY_CLOSING_DAYS))) {
            long answers = SurveyAnswer.count("surveyId", survey.id);
            items.add(new WorkQueueItem(Kind.SURVEY_CLOSING, role, answers, language.pick(survey.titleEn, survey.titleFr, survey.titleEs),
                    survey.closesOn, null, null, "/surveys/" + survey.id + "/results"));
        }
    }

    // ---- fund manager

    private void fundManager(List<WorkQueueItem> items, LocalDate today) {
        String role = Roles.FUND_MANAGER;
        boolean newest = true;
        for (FundView fund : funds.funds(new PageRequest(1, FUNDS_WATCHED, List.of())).items()) {
            // The newest fund always shows its three items; an older one only what needs attention.
            List<WorkQueueItem> ofFund = new ArrayList<>();
            long pastDue = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM fund_movement p JOIN fund_journal_entry e ON e.movement_id = p.id"
                            + " WHERE p.fund_id = ?1 AND p.kind = 'PLEDGE'"
                            + " AND NOT EXISTS (SELECT 1 FROM fund_journal_entry x WHERE x.reverses_entry_id = e.id)"
                            + " AND EXISTS (SELECT 1 FROM fund_pledge_payment s WHERE s.movement_id = p.id AND s.due_on < ?2)"
                            + " AND p.amount > COALESCE((SELECT SUM(r.amount) FROM fund_movement r JOIN fund_journal_entry re ON re.movement_id = r.id"
                            + " WHERE r.pledge_id = p.id AND r.kind = 'RECEIPT'"
                            + " AND NOT EXISTS (SELECT 1 FROM fund_journal_entry y WHERE y.reverses_entry_id = re.id)), 0)")
                    .setParameter(1, fund.id()).setParameter(2, today).getSingleResult()).longValue();
            ofFund.add(new WorkQueueItem(Kind.PLEDGES_PAST_DUE, role, pastDue, fund.name(), null, null, null, "/fund/" + fund.id() + "/record"));

            LocalDate allocatedBefore = today.minusDays(LOW_DELIVERY_AFTER_DAYS);
            long low = funds.uses(fund.id()).allocations().stream()
                    .filter(a -> !a.valueDate().isAfter(allocatedBefore) && new BigDecimal(a.allocated()).signum() > 0
                            && new BigDecimal(a.deliveryRate()).compareTo(LOW_DELIVERY_PERCENT) < 0)
                    .count();
            ofFund.add(new WorkQueueItem(Kind.LOW_DELIVERY_ALLOCATIONS, role, low, fund.name(), null, null, null, "/fund/" + fund.id()));

            // recorded_at is set by the database, so "today" is the database's day (CURRENT_DATE), over ix_fund_movement_recorded.
            long receipts = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM fund_movement WHERE fund_id = ?1 AND kind = 'RECEIPT'"
                    + " AND recorded_at >= CURRENT_DATE").setParameter(1, fund.id()).getSingleResult()).longValue();
            ofFund.add(new WorkQueueItem(Kind.RECEIPTS_TODAY, role, receipts, fund.name(), null, null, null,
                    "/fund/" + fund.id() + "/journal"));
            boolean showAll = newest;
            ofFund.stream().filter(item -> showAll || item.count() > 0).forEach(items::add);
            newest = false;
        }
    }

    // ---- coordinator

    private void coordinator(List<WorkQueueItem> items, LocalDate today, Language language) {
        String role = Roles.COORDINATOR;
        List<ClusterMembership> coordinating = ClusterMembership.list("coordinator = true and leftOn is null and memberId in"
                + " (select f.memberId from FocalPoint f where f.username = ?1) order by termId desc, clusterId", caller.username());
        for (ClusterMembership m : coordinating) {
            Cluster cluster = Cluster.findById(m.clusterId);
            String name = language.pick(cluster.nameEn, cluster.nameFr, cluster.nameEs);
            String route = "/clusters/" + m.clusterId;

            WorkPlan plan = WorkPlan.find("clusterId = ?1 and termId = ?2", m.clusterId, m.termId).firstResult();
            long activities = plan == null ? 0 : WorkPlanActivity.count("workPlanId = ?1 and status in ?2 and"
                            + " ((plannedStart >= ?3 and plannedStart <= ?4) or (plannedEnd >= ?3 and plannedEnd <= ?4))",
                    plan.id, List.of(ActivityStatus.PLANNED, ActivityStatus.IN_PROGRESS), today, today.plusDays(ACTIVITY_DAYS));
            items.add(new WorkQueueItem(Kind.ACTIVITIES_DUE, role, activities, name, null, null, null, route));

            List<DueReport> due = reports.due(today, null, m.clusterId, EVERYTHING).items().stream()
                    .filter(d -> d.termId() == m.termId).toList();
            items.add(new WorkQueueItem(Kind.NEXT_REPORT_DUE, role, (long) due.size(), name,
                    due.isEmpty() ? null : due.get(0).dueOn(), null, null, route));

            long newcomers = ClusterMembership.count("clusterId = ?1 and termId = ?2 and leftOn is null and joinedOn >= ?3",
                    m.clusterId, m.termId, today.minusDays(NEW_MEMBER_DAYS));
            items.add(new WorkQueueItem(Kind.NEW_CLUSTER_MEMBERS, role, newcomers, name, null, null, null, route));
        }
    }

    // ---- focal point

    private void focalPoint(List<WorkQueueItem> items, LocalDate today, Language language) {
        String role = Roles.FOCAL_POINT;
        for (MemberSummary summary : members.citiesOfCaller(language)) {
            MemberCity city = members.find(summary.id());
            String memberRoute = "/members/" + city.id;
            items.add(new WorkQueueItem(Kind.PROFILE_COMPLETENESS, role, null, city.name, null, null, completeness(city), memberRoute));

            for (Survey survey : Survey.<Survey>list("opensOn <= ?1 and closesOn >= ?1 order by closesOn, id", today)) {
                if (SurveyAnswer.count("surveyId = ?1 and memberId = ?2", survey.id, city.id) == 0) {
                    items.add(new WorkQueueItem(Kind.SURVEY_TO_ANSWER, role, null,
                            language.pick(survey.titleEn, survey.titleFr, survey.titleEs), survey.closesOn, null, null,
                            "/surveys/" + survey.id + "/answer"));
                }
            }

            for (ClusterMembership m : ClusterMembership.<ClusterMembership>list("memberId = ?1 and leftOn is null order by termId desc, clusterId",
                    city.id)) {
                Cluster cluster = Cluster.findById(m.clusterId);
                items.add(new WorkQueueItem(Kind.MY_CLUSTER, role, null, language.pick(cluster.nameEn, cluster.nameFr, cluster.nameEs),
                        m.joinedOn, null, null, "/clusters/" + m.clusterId));
            }

            boolean anyFiche = false;
            for (CaseStudyStatus status : CaseStudyStatus.values()) {
                long n = caseStudies.list(status, city.id, null, JUST_THE_TOTAL, List.of(language.code())).total();
                if (n > 0) {
                    anyFiche = true;
                    items.add(new WorkQueueItem(Kind.MY_FICHES, role, n, status.name(), null, null, null, "/case-studies"));
                }
            }
            if (!anyFiche) {
                items.add(new WorkQueueItem(Kind.MY_FICHES, role, 0L, null, null, null, null, "/case-studies"));
            }
        }
    }

    /** The share of a city's profile that is filled in, as the member page shows it: eight parts, equal weight. */
    static String completeness(MemberCity city) {
        boolean[] parts = {
            city.population != null, city.areaKm2 != null, city.website != null, city.latitude != null,
            city.languages != null && !city.languages.isBlank(), city.mayorName != null, !city.topics.isEmpty(),
            !city.profile.isEmpty(),
        };
        int filled = 0;
        for (boolean part : parts) {
            filled += part ? 1 : 0;
        }
        return BigDecimal.valueOf(filled * 100L).divide(BigDecimal.valueOf(parts.length), 2, RoundingMode.HALF_EVEN).toPlainString();
    }

    // ---- donor

    private void donor(List<WorkQueueItem> items) {
        String role = Roles.DONOR;
        for (DonorView donor : funds.donorsOfCaller()) {
            List<?> fundIds = em.createNativeQuery("SELECT DISTINCT fund_id FROM fund_movement WHERE donor_id = ?1 ORDER BY fund_id DESC")
                    .setParameter(1, donor.id()).getResultList();
            for (Object id : fundIds) {
                long fundId = ((Number) id).longValue();
                FundView fund = funds.fund(fundId);
                DonorStatement statement = funds.statementInFull(fundId, donor.id());
                String route = "/fund/" + fundId + "/donors/" + donor.id() + "/statement";
                long receipts = statement.receipts().stream().filter(r -> !r.reversed()).count();
                items.add(new WorkQueueItem(Kind.DONOR_STATEMENT, role, receipts, fund.name(), null, statement.totalReceivedUsd(), null, route));
                Map<Long, String> lines = fund.budgetLines().stream()
                        .collect(Collectors.toMap(BudgetLineView::id, l -> l.code() + " " + l.name()));
                statement.uses().stream()
                        .sorted(Comparator.comparing(StatementUse::valueDate).thenComparing(StatementUse::allocationId).reversed())
                        .limit(LATEST_USES)
                        .forEach(use -> items.add(new WorkQueueItem(Kind.DONOR_USE, role, null,
                                use.budgetLineId() == null ? null : lines.get(use.budgetLineId()), use.valueDate(), use.allocatedUsd(),
                                use.share(), route)));
            }
        }
    }
}
