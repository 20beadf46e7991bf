package org.learningcities.home;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.learningcities.clusters.ReportViews.News;
import org.learningcities.reference.UnescoRegion;
import org.learningcities.toolkits.ToolkitViews.ResourceSummary;

/** The shapes of GET /api/stats and GET /api/me/work-queue (see the contract's NetworkStats and WorkQueue). */
public final class HomeViews {

    private HomeViews() {
    }

    public record RegionCount(UnescoRegion.Code code, String name, long memberCities) {
    }

    public record YearCount(int year, long memberCities) {
    }

    public record TermRef(long id, String code, LocalDate startsOn, LocalDate endsOn) {
    }

    public record Coordinator(long memberId, String name, String country) {
    }

    public record TopicName(int number, String name) {
    }

    public record StatsCluster(long id, String name, List<TopicName> topics, List<Coordinator> coordinators, long memberCities) {
    }

    public record StatsFund(long fundId, String code, String name, String target, String received, String percentOfTarget,
                            String allocated, String allocatedToAfrica, String shareToAfrica, String allocatedToLowIncome,
                            String shareToLowIncome) {
    }

    public record NetworkStats(Instant computedAt, long memberCities, long countries, long regions, List<RegionCount> byRegion,
                               List<YearCount> admittedPerYear, TermRef term, List<StatsCluster> clusters, StatsFund fund,
                               List<News> news, List<ResourceSummary> resources) {
    }

    public enum Kind {
        APPLICATIONS_AWAITING_STEP, MEMBER_REPORTS_OVERDUE, CLUSTER_REPORTS_OVERDUE, FICHES_TO_REVIEW, TRANSLATION_GAPS,
        SURVEY_CLOSING, PLEDGES_PAST_DUE, LOW_DELIVERY_ALLOCATIONS, RECEIPTS_TODAY, ACTIVITIES_DUE, NEXT_REPORT_DUE,
        NEW_CLUSTER_MEMBERS, PROFILE_COMPLETENESS, SURVEY_TO_ANSWER, MY_CLUSTER, MY_FICHES, DONOR_STATEMENT, DONOR_USE
    }

    public record WorkQueueItem(Kind kind, String role, Long count, String label, LocalDate date, String amount, String percent,
                                String route) {

        static WorkQueueItem count(Kind kind, String role, long count, String route) {
            return new WorkQueueItem(kind, role, count, null, null, null, null, route);
        }
    }

    public record WorkQueue(List<WorkQueueItem> items, Instant computedAt) {
    }
}
