package org.learningcities.clusters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.learningcities.clusters.ClusterViews.ActivityInput;
import org.learningcities.clusters.ClusterViews.ActivityView;
import org.learningcities.clusters.ClusterViews.ObjectivesInput;
import org.learningcities.clusters.ClusterViews.OptionalText;
import org.learningcities.clusters.ClusterViews.Sums;
import org.learningcities.clusters.ClusterViews.WorkAreaSum;
import org.learningcities.clusters.ClusterViews.WorkPlanView;
import org.learningcities.common.Texts;
import org.learningcities.common.Problem;
import org.learningcities.common.ProblemException;
import org.learningcities.common.Versions;
import org.learningcities.members.MemberCity;
import org.learningcities.members.Organisation;

/**
 * Costed work plans. Money is BigDecimal from the DECIMAL(15,2) column to the answer (a decimal
 * string with two decimals); sums are computed by the database over exact decimals.
 */
@ApplicationScoped
public class WorkPlanService {

    /** The strategy's indicative activities (DOMAIN.md §2): code, work area, title, responsible, USD. */
    record TemplateActivity(String code, int workArea, String title, ResponsibleKind responsible, String description, long usd) {
    }

    static final List<TemplateActivity> TEMPLATE = List.of(
            new TemplateActivity("1.1", 1, "Objectives, goals and work plan (preliminary meeting with all members)",
                    ResponsibleKind.COORDINATING_CITY, null, 50_000),
            new TemplateActivity("1.2", 1, "Advance knowledge among members (thematic experts' meeting)",
                    ResponsibleKind.MEMBER_CITY, "Any member city or partner.", 50_000),
            new TemplateActivity("1.3", 1, "Small-scale learning and exchange activities",
                    ResponsibleKind.MEMBER_CITY, "Any member city or partner.", 50_000),
            new TemplateActivity("1.4", 1, "Monitor the cluster's work against its goals (annual members' meeting)",
                    ResponsibleKind.COORDINATING_CITY, "The coordinating city with a host city.", 10_000),
            new TemplateActivity("2.1", 2, "Capacity-building workshop (first year)",
                    ResponsibleKind.MEMBER_CITY, "Annual; any member city or partner.", 50_000),
            new TemplateActivity("2.1", 2, "Capacity-building workshop (second year)",
                    ResponsibleKind.MEMBER_CITY, "Annual; any member city or partner.", 50_000),
            new TemplateActivity("3.1", 3, "Reports and case studies of best practice",
                    ResponsibleKind.SECRETARIAT, "UIL with the cluster.", 50_000),
            new TemplateActivity("3.2", 3, "Outcome analysis and progress report, presented at the International Conference on Learning Cities",
                    ResponsibleKind.SECRETARIAT, "UIL with the cluster.", 20_000),
            new TemplateActivity("4.1", 4, "News and activities to UIL every six months, for the newsletter and bulletin",
                    ResponsibleKind.COORDINATING_CITY, null, 20_000));

    static final int WORK_AREAS = 4;

    @Inject
    ClusterService clusters;

    // ---- reading

    public WorkPlanView view(long clusterId, long termId) {
        clusters.cluster(clusterId);
        clusters.term(termId);
        return view(clusterId, termId, plan(clusterId, termId));
    }

    public Sums termSums(long termId) {
        clusters.term(termId);
        return sums(ClusterMembership.getEntityManager().createQuery(
                        "select a.workArea, sum(a.estimatedCostUsd) from WorkPlanActivity a where a.workPlanId in"
                                + " (select p.id from WorkPlan p where p.termId = :term) group by a.workArea", Object[].class)
                .setParameter("term", termId).getResultList());
    }

    // ---- writing (the resource has checked the caller may manage the plan)

    @Transactional
    public WorkPlanView updateObjectives(long clusterId, long termId, String ifMatch, ObjectivesInput input) {
        WorkPlan plan = planForWrite(clusterId, termId);
        Versions.requireMatch(ifMatch, plan.version, "The work plan");
        OptionalText objectives = input.objectives();
        plan.objectivesEn = Texts.blankToNull(objectives.en());
        plan.objectivesFr = Texts.blankToNull(objectives.fr());
        plan.objectivesEs = Texts.blankToNull(objectives.es());
        plan.persistAndFlush();
        return view(clusterId, termId, plan);
    }

    @Transactional
    public WorkPlanView fromTemplate(long clusterId, long termId) {
        WorkPlan plan = planForWrite(clusterId, termId);
        if (WorkPlanActivity.count("workPlanId", plan.id) > 0) {
            throw ProblemException.conflict("This work plan already has activities; the template starts empty plans only.");
        }
        for (TemplateActivity template : TEMPLATE) {
            WorkPlanActivity activity = new WorkPlanActivity();
            activity.workPlanId = plan.id;
            activity.code = template.code();
            activity.workArea = template.workArea();
            activity.title = template.title();
            activity.description = template.description();
            activity.responsibleKind = template.responsible();
            activity.estimatedCostUsd = BigDecimal.valueOf(template.usd()).setScale(2);
            activity.status = ActivityStatus.PLANNED;
            activity.persist();
        }
        WorkPlanActivity.flush();
        return view(clusterId, termId, plan);
    }

    @Transactional
    public ActivityView addActivity(long clusterId, long termId, ActivityInput input) {
        WorkPlan plan = planForWrite(clusterId, termId);
        WorkPlanActivity activity = new WorkPlanActivity();
        activity.workPlanId = plan.id;
        apply(activity, input);
        activity.persistAndFlush();
        return activityView(activity);
    }

    @Transactional
    public ActivityView updateActivity(long clusterId, long termId, long activityId, String ifMatch, ActivityInput input) {
        WorkPlanActivity activity = activity(clusterId, termId, activityId);
        Versions.requireMatch(ifMatch, activity.version, "Activity " + activityId);
        apply(activity, input);
        activity.persistAndFlush();
        return activityView(activity);
    }

    @Transactional
    public void deleteActivity(long clusterId, long termId, long activityId) {
        activity(clusterId, termId, activityId).delete();
    }

    public ActivityView activityView(long clusterId, long termId, long activityId) {
        return activityView(activity(clusterId, termId, activityId));
    }

    // ---- helpers

    private WorkPlanActivity activity(long clusterId, long termId, long activityId) {
        clusters.cluster(clusterId);
        clusters.term(termId);
        WorkPlan plan = plan(clusterId, termId);
        WorkPlanActivity activity = WorkPlanActivity.findById(activityId);
        if (plan == null || activity == null || activity.workPlanId != plan.id) {
            throw ProblemException.notFound("This work plan has no activity " + activityId + ".");
        }
        return activity;
    }

    private static WorkPlan plan(long clusterId, long termId) {
        return WorkPlan.find("clusterId = ?1 and termId = ?2", clusterId, termId).firstResult();
    }

    /** The plan, locked; created on the first write (two first writes at once: the unique key refuses one). */
    private WorkPlan planForWrite(long clusterId, long termId) {
        clusters.cluster(clusterId);
        clusters.term(termId);
        WorkPlan plan = WorkPlan.find("clusterId = ?1 and termId = ?2", clusterId, termId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (plan == null) {
            plan = new WorkPlan();
            plan.clusterId = clusterId;
            plan.termId = termId;
            try {
                plan.persistAndFlush();
            } catch (org.hibernate.exception.ConstraintViolationException e) {
                throw ProblemException.conflict("Someone else started this work plan at the same moment; reload it and try again.");
            }
        }
        return plan;
    }

    private static void apply(WorkPlanActivity activity, ActivityInput input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (input.responsibleMemberId() != null && MemberCity.findById(input.responsibleMemberId()) == null) {
            errors.add(new Problem.FieldError("responsibleMemberId", "no such member city"));
        }
        if (input.hostMemberId() != null && MemberCity.findById(input.hostMemberId()) == null) {
            errors.add(new Problem.FieldError("hostMemberId", "no such member city"));
        }
        if (input.responsibleOrganisationId() != null && Organisation.findById(input.responsibleOrganisationId()) == null) {
            errors.add(new Problem.FieldError("responsibleOrganisationId", "no such organisation"));
        }
        if (input.plannedStart() != null && input.plannedEnd() != null && input.plannedEnd().isBefore(input.plannedStart())) {
            errors.add(new Problem.FieldError("plannedEnd", "must not be before plannedStart"));
        }
        if (input.actualStart() != null && input.actualEnd() != null && input.actualEnd().isBefore(input.actualStart())) {
            errors.add(new Problem.FieldError("actualEnd", "must not be before actualStart"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        activity.code = input.code().trim();
        activity.workArea = input.workArea();
        activity.title = input.title().trim();
        activity.description = Texts.blankToNull(input.description());
        activity.responsibleKind = input.responsibleKind();
        activity.responsibleMemberId = input.responsibleMemberId();
        activity.responsibleOrganisationId = input.responsibleOrganisationId();
        activity.hostMemberId = input.hostMemberId();
        activity.plannedStart = input.plannedStart();
        activity.plannedEnd = input.plannedEnd();
        activity.actualStart = input.actualStart();
        activity.actualEnd = input.actualEnd();
        BigDecimal cost = new BigDecimal(input.estimatedCostUsd()).setScale(2, RoundingMode.UNNECESSARY);
        if (activity.estimatedCostUsd == null || cost.compareTo(activity.estimatedCostUsd) != 0) {
            activity.estimatedCostUsd = cost;
        }
        activity.status = input.status();
        List<String> outputs = input.outputs() == null ? List.of() : input.outputs().stream().map(String::trim).toList();
        if (!outputs.equals(activity.outputs)) {
            activity.outputs.clear();
            activity.outputs.addAll(outputs);
        }
    }

    private WorkPlanView view(long clusterId, long termId, WorkPlan plan) {
        if (plan == null) {
            return new WorkPlanView(clusterId, termId, new OptionalText(null, null, null), List.of(), sums(List.of()), 0);
        }
        List<WorkPlanActivity> activities = WorkPlanActivity.list("workPlanId = ?1 order by workArea, code, id", plan.id);
        return new WorkPlanView(clusterId, termId, new OptionalText(plan.objectivesEn, plan.objectivesFr, plan.objectivesEs),
                activities.stream().map(WorkPlanService::activityView).toList(),
                sums(ClusterMembership.getEntityManager().createQuery(
                                "select a.workArea, sum(a.estimatedCostUsd) from WorkPlanActivity a where a.workPlanId = :plan group by a.workArea",
                                Object[].class)
                        .setParameter("plan", plan.id).getResultList()),
                plan.version);
    }

    /** Every work area (zero where nothing is planned) and the total, all exact. */
    static Sums sums(List<Object[]> rows) {
        Map<Integer, BigDecimal> byArea = new TreeMap<>();
        for (int area = 1; area <= WORK_AREAS; area++) {
            byArea.put(area, BigDecimal.ZERO);
        }
        for (Object[] row : rows) {
            byArea.put(((Number) row[0]).intValue(), (BigDecimal) row[1]);
        }
        BigDecimal total = byArea.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Sums(byArea.entrySet().stream().map(e -> new WorkAreaSum(e.getKey(), money(e.getValue()))).toList(),
                money(total));
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    static ActivityView activityView(WorkPlanActivity a) {
        return new ActivityView(a.id, a.code, a.workArea, a.title, a.description, a.responsibleKind, a.responsibleMemberId,
                a.responsibleOrganisationId, a.hostMemberId, a.plannedStart, a.plannedEnd, a.actualStart, a.actualEnd,
                money(a.estimatedCostUsd), a.status, new ArrayList<>(a.outputs), a.version);
    }
}
