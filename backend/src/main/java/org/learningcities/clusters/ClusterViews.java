package org.learningcities.clusters;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.learningcities.reference.UnescoRegion;

/** What the clusters API reads and answers. Money travels as a decimal string ("50000.00"). */
public final class ClusterViews {

    private ClusterViews() {
    }

    public record TermInput(@NotBlank @Size(max = 40) String code, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn) {
    }

    public record TermView(long id, String code, LocalDate startsOn, LocalDate endsOn) {
    }

    public record LocalizedText(@NotBlank @Size(max = 5000) String en, @Size(max = 5000) String fr, @Size(max = 5000) String es) {
    }

    public record OptionalText(@Size(max = 10000) String en, @Size(max = 10000) String fr, @Size(max = 10000) String es) {
    }

    public record ClusterInput(@NotNull @Valid LocalizedText name, @Valid OptionalText description,
                               @NotEmpty @Size(max = 12) List<@NotNull @Min(1) @Max(12) Integer> topics,
                               List<@NotNull Long> partnerOrganisationIds, @NotNull ClusterStatus status) {
    }

    public record ClusterView(long id, LocalizedText name, OptionalText description, List<Integer> topics,
                              List<Long> partnerOrganisationIds, ClusterStatus status, int version) {
    }

    public record CoordinatorInput(@NotNull Long memberId) {
    }

    public record JoinInput(@NotNull Long memberId, @NotNull LocalDate joinedOn) {
    }

    public record LeaveInput(@NotNull LocalDate leftOn) {
    }

    public record ClusterCity(long memberId, String name, String country, UnescoRegion.Code unescoRegion,
                              boolean coordinator, LocalDate joinedOn, LocalDate leftOn) {
    }

    public record RegionCount(UnescoRegion.Code region, int members, int coordinators) {
    }

    public record RegionalBalance(List<RegionCount> regions, int members, int coordinators, boolean sameRegionCoordinators) {
    }

    public record ActivityInput(@NotBlank @Size(max = 20) String code, @NotNull @Min(1) @Max(4) Integer workArea,
                                @NotBlank @Size(max = 300) String title, @Size(max = 5000) String description,
                                @NotNull ResponsibleKind responsibleKind, Long responsibleMemberId,
                                Long responsibleOrganisationId, Long hostMemberId, LocalDate plannedStart,
                                LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd,
                                @NotNull @Pattern(regexp = "[0-9]{1,13}(\\.[0-9]{1,2})?", message = "must be an amount with at most two decimals")
                                String estimatedCostUsd,
                                @NotNull ActivityStatus status, @Size(max = 50) List<@NotBlank @Size(max = 500) String> outputs) {
    }

    public record ActivityView(long id, String code, int workArea, String title, String description,
                               ResponsibleKind responsibleKind, Long responsibleMemberId, Long responsibleOrganisationId,
                               Long hostMemberId, LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart,
                               LocalDate actualEnd, String estimatedCostUsd, ActivityStatus status, List<String> outputs,
                               int version) {
    }

    public record WorkAreaSum(int workArea, String totalUsd) {
    }

    public record Sums(List<WorkAreaSum> workAreas, String totalUsd) {
    }

    public record ObjectivesInput(@NotNull @Valid OptionalText objectives) {
    }

    public record WorkPlanView(long clusterId, long termId, OptionalText objectives, List<ActivityView> activities,
                               Sums sums, int version) {
    }
}
