package org.learningcities.clusters;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.learningcities.clusters.ClusterViews.LocalizedText;
import org.learningcities.reference.UnescoRegion;

/** What the surveys API reads and answers. */
public final class SurveyViews {

    private SurveyViews() {
    }

    public record SurveyInput(@NotNull Long termId, @NotNull @Valid LocalizedText title, @NotNull LocalDate opensOn,
                              @NotNull LocalDate closesOn) {
    }

    public record SurveyView(long id, long termId, LocalizedText title, LocalDate opensOn, LocalDate closesOn,
                             Survey.Status status, int version) {
    }

    public record Questionnaire(@NotNull Boolean hostExpertsMeeting, @NotNull Boolean hostExchangeActivities,
                                @NotNull Boolean capacityBuildingWorkshop, @NotNull Boolean researchCaseStudies,
                                @NotNull Boolean financialContribution, @Size(max = 2000) String other) {
    }

    public record AnswerInput(@NotEmpty @Size(max = 12) List<@NotNull @Min(1) @Max(12) Integer> primaryTopics,
                              @NotNull Boolean willingToCoordinate,
                              @Size(max = 12) List<@NotNull @Min(1) @Max(12) Integer> coordinateTopics,
                              @Size(max = 50) List<@NotNull Long> coordinateClusterIds,
                              @NotNull @Valid Questionnaire questionnaire) {
    }

    public record AnswerView(long surveyId, long memberId, String name, String country, UnescoRegion.Code region,
                             List<Integer> primaryTopics, boolean willingToCoordinate, List<Integer> coordinateTopics,
                             List<Long> coordinateClusterIds, Questionnaire questionnaire, Instant answeredAt,
                             Instant updatedAt, String recordedBy, int version) {
    }

    public record RegionCount(UnescoRegion.Code region, int respondents) {
    }

    public record TopicCount(int topic, int group, int votes, int willingToCoordinate) {
    }

    public record GroupCount(int group, int votes, int cities) {
    }

    public record ClusterCount(long clusterId, LocalizedText name, int willingToCoordinate) {
    }

    public record QuestionnaireCounts(int hostExpertsMeeting, int hostExchangeActivities, int capacityBuildingWorkshop,
                                      int researchCaseStudies, int financialContribution, int other) {
    }

    public record Results(long surveyId, int respondents, int countries, int regionsCovered, List<RegionCount> regions,
                          List<TopicCount> topics, List<GroupCount> groups, int willingToCoordinate,
                          List<ClusterCount> clusters, QuestionnaireCounts questionnaire) {
    }

    public record Candidate(long memberId, String name, String country, UnescoRegion.Code region, long surveyId,
                            boolean namedThisCluster, List<Integer> primaryTopics, List<Integer> coordinateTopics,
                            List<Long> coordinateClusterIds, Questionnaire questionnaire, String coordinatesElsewhere) {
    }
}
