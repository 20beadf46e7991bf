package org.learningcities.clusters;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.learningcities.clusters.ClusterViews.LocalizedText;
import org.learningcities.clusters.ClusterViews.OptionalText;

/** What the cluster reports, news and member-progress API reads and answers. */
public final class ReportViews {

    private ReportViews() {
    }

    public record NewsItemInput(@NotNull @Valid LocalizedText title, @NotNull @Valid LocalizedText text, @NotNull LocalDate date,
                                @Size(max = 500) String link, @NotNull Boolean published) {
    }

    public record NewsItemView(long id, LocalizedText title, LocalizedText text, LocalDate date, String link, boolean published) {
    }

    public record ReportInput(@NotNull @Min(1900) @Max(2999) Integer year, @NotNull @Min(1) @Max(2) Integer half,
                              @Valid OptionalText summary, @Size(max = 200) List<@NotNull Long> activityIds,
                              @Size(max = 50) List<@NotNull @Valid NewsItemInput> news) {
    }

    public record ReportView(long id, long clusterId, long termId, int year, int half, LocalDate periodStart, LocalDate periodEnd,
                             LocalDate dueOn, OptionalText summary, List<Long> activityIds, List<NewsItemView> news,
                             Instant submittedAt, String submittedBy, int version) {
    }

    public record DueReport(long clusterId, LocalizedText clusterName, long termId, String termCode, int year, int half,
                            LocalDate periodStart, LocalDate periodEnd, LocalDate dueOn, boolean overdue, int daysOverdue) {
    }

    public record News(long id, long clusterId, String clusterName, long reportId, LocalDate date, String title, String text,
                       String link, String language) {
    }

    public record ProgressInput(@NotBlank @Size(max = 5000) String text) {
    }

    public record OutcomeInput(@NotNull ClusterMemberOutcome.Status status, @Size(max = 500) String evidenceUrl) {
    }

    public record YearlyProgress(int year, String text, String recordedBy, Instant recordedAt) {
    }

    public record Outcome(ClusterMemberOutcome.Kind kind, ClusterMemberOutcome.Status status, String evidenceUrl, Instant updatedAt) {
    }

    public record MemberProgress(long clusterId, long termId, long memberId, List<YearlyProgress> yearly, List<Outcome> outcomes) {
    }
}
