package org.learningcities.toolkits;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the toolkits API reads and answers: the shapes of openapi.yaml. */
public final class ToolkitViews {

    private ToolkitViews() {
    }

    public enum ResourceType {
        CONCEPT_INTRODUCTION, GUIDE, TRAINING_MODULE, COMPENDIUM, REPORT, COURSE_MODEL, MENTORING_GUIDE, CASE_STUDY,
        POLICY_BRIEF, VIDEO, NEWSLETTER, OTHER
    }

    public enum TargetGroup {
        NEET, FAMILIES, VOLUNTEERS, FRONTLINE_STAFF, ELDERLY_PEOPLE, MIGRANTS, EMPLOYERS, EMPLOYED, UNEMPLOYED, LEARNERS,
        PUPILS, TEACHERS, LOCAL_AUTHORITIES, POLICY_MAKERS, PRACTITIONERS, OTHER
    }

    public enum PartnerRole { LEAD_PARTNER, PARTNER, ASSOCIATED_PARTNER }

    public enum CaseStudyStatus { DRAFT, SUBMITTED, RETURNED, PUBLISHED }

    public enum SearchKind { PROJECT, TOOLKIT, RESOURCE, CASE_STUDY, MEMBER }

    public static final String TAG = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$";

    // ---- resources

    public record ResourceInput(@Size(max = 100) String externalId, @NotNull ResourceType type,
                                @NotNull @Pattern(regexp = TAG) @Size(max = 35) String originalLanguage,
                                @NotNull Map<String, String> title, Map<String, String> summary,
                                @Size(max = 12) List<@NotNull @Min(1) @Max(12) Integer> topics, List<@NotNull TargetGroup> targetGroups,
                                @Size(max = 50) List<@NotBlank @Size(max = 200) String> authors,
                                @Size(max = 50) List<@NotBlank @Size(max = 300) String> organisations,
                                LocalDate publicationDate, @Size(max = 100) String licence, Map<String, String> links) {
    }

    public record ResourceFileView(long id, String language, String fileName, String mediaType, long size, String sha256,
                                   String downloadUrl, Instant uploadedAt) {
    }

    public record ResourceVariant(String language, String link, ResourceFileView file) {
    }

    public record ResourceSummary(long id, ResourceType type, String title, String summary, String originalLanguage,
                                  List<String> languages, List<String> fallbackFields, List<Integer> topics,
                                  List<TargetGroup> targetGroups, LocalDate publicationDate, String licence) {
    }

    public record Resource(long id, String externalId, ResourceType type, String title, String summary, String originalLanguage,
                           List<String> languages, List<String> fallbackFields, List<Integer> topics,
                           List<TargetGroup> targetGroups, List<String> authors, List<String> organisations,
                           LocalDate publicationDate, String licence, List<ResourceVariant> variants,
                           Map<String, Map<String, String>> translations, int version) {
    }

    // ---- toolkits

    public record ToolkitSectionInput(@NotNull Map<String, String> title, Map<String, String> summary,
                                      @Size(max = 500) List<@NotNull Long> resourceIds) {
    }

    public record ToolkitInput(@Size(max = 100) String externalId,
                               @NotNull @Pattern(regexp = TAG) @Size(max = 35) String originalLanguage,
                               @NotNull Map<String, String> title, Map<String, String> summary, Long projectId, Long clusterId,
                               @Size(max = 12) List<@NotNull @Min(1) @Max(12) Integer> topics,
                               @Size(max = 100) List<@NotNull @Valid ToolkitSectionInput> sections) {
    }

    public record ProjectRef(long id, String acronym, String title) {
    }

    public record ToolkitSection(String title, String summary, List<ResourceSummary> resources) {
    }

    public record ToolkitSummary(long id, String title, String summary, String originalLanguage, List<String> languages,
                                 List<String> fallbackFields, ProjectRef project, Long clusterId, List<Integer> topics) {
    }

    public record Toolkit(long id, String externalId, String title, String summary, String originalLanguage,
                          List<String> languages, List<String> fallbackFields, ProjectRef project, Long clusterId,
                          List<Integer> topics, List<ToolkitSection> sections, Map<String, Map<String, String>> translations,
                          int version) {
    }

    // ---- projects

    public record CoFinancingLine(@NotBlank @Size(max = 100) String source,
                                  @NotNull @Pattern(regexp = "^[0-9]{1,15}(\\.[0-9]{1,4})?$") String amount) {
    }

    public record ProjectPartner(@NotBlank @Size(max = 300) String name, @NotNull PartnerRole role,
                                 @Pattern(regexp = "^[A-Z]{2}$") String country, Long memberId, Long organisationId) {
    }

    public record ProjectContact(@NotBlank @Size(max = 200) String name, @Email @Size(max = 254) String email,
                                 @Size(max = 50) String phone) {
    }

    public record ActivityStrandInput(@NotNull Map<String, String> name, Map<String, String> description) {
    }

    public record ProjectInput(@Size(max = 100) String externalId, @NotBlank @Size(max = 50) String acronym,
                               @NotNull @Pattern(regexp = TAG) @Size(max = 35) String originalLanguage,
                               @NotNull Map<String, String> title, Map<String, String> summary,
                               @NotBlank @Size(max = 200) String programme, Map<String, String> priority,
                               LocalDate startDate, LocalDate endDate,
                               @NotNull @Pattern(regexp = "^[A-Z]{3}$") String currency,
                               @Pattern(regexp = "^[0-9]{1,15}(\\.[0-9]{1,4})?$") String totalBudget,
                               @Size(max = 20) List<@NotNull @Valid CoFinancingLine> coFinancing,
                               @Size(max = 100) List<@NotNull @Valid ProjectPartner> partners,
                               @Size(max = 30) List<@NotNull Map<String, String>> objectives,
                               @Size(max = 30) List<@NotNull @Valid ActivityStrandInput> activityStrands,
                               Map<String, String> results, @Size(max = 500) List<@NotNull Long> outputResourceIds,
                               Map<String, String> lessonsLearned, @Valid ProjectContact contact,
                               @Size(max = 500) String website, @Size(max = 12) List<@NotNull @Min(1) @Max(12) Integer> topics) {
    }

    public record ActivityStrand(String name, String description) {
    }

    public record ProjectSummary(long id, String acronym, String title, String programme, LocalDate startDate,
                                 LocalDate endDate, String currency, String totalBudget, String originalLanguage,
                                 List<String> languages, List<String> fallbackFields, List<Integer> topics) {
    }

    public record Project(long id, String externalId, String acronym, String title, String summary, String programme,
                          String priority, LocalDate startDate, LocalDate endDate, String currency, String totalBudget,
                          List<CoFinancingLine> coFinancing, String coFinancingTotal, String ownContribution,
                          List<ProjectPartner> partners, List<String> objectives, List<ActivityStrand> activityStrands,
                          String results, List<ResourceSummary> outputs, String lessonsLearned, ProjectContact contact,
                          String website, List<Integer> topics, String originalLanguage, List<String> languages,
                          List<String> fallbackFields, Map<String, Map<String, String>> translations, int version) {
    }

    // ---- case studies

    public record CaseStudyCategoryInput(@NotBlank @Size(max = 20) String code, @NotNull Map<String, String> name) {
    }

    public record CaseStudyCategory(long id, String code, String name, List<String> fallbackFields) {
    }

    public record CaseStudyContact(@Size(max = 300) String name, @Size(max = 50) String phone, @Size(max = 50) String fax,
                                   @Email @Size(max = 254) String email) {
    }

    public record MilieuInput(Map<String, String> economic, Map<String, String> geographical,
                              Map<String, String> politicalGovernance, Map<String, String> cultural, Map<String, String> other) {
    }

    public record Milieu(String economic, String geographical, String politicalGovernance, String cultural, String other) {
    }

    public record ThemeQuestionInput(@NotNull Map<String, String> question, Map<String, String> answer) {
    }

    public record ThemeQuestion(String question, String answer) {
    }

    public record CaseStudyInput(Long memberId, Long organisationId,
                                 @NotNull @Pattern(regexp = TAG) @Size(max = 35) String originalLanguage,
                                 Map<String, String> theme, @NotNull Map<String, String> name, Map<String, String> purpose,
                                 @Size(max = 300) String leadOrganisation, Map<String, String> leadOrganisationBackground,
                                 @Size(max = 500) String address, @Valid CaseStudyContact contact, List<@NotNull Long> categoryIds,
                                 MilieuInput milieu, Map<String, String> background, Map<String, String> description,
                                 Map<String, String> objectives, Map<String, String> geographicalFocus,
                                 Map<String, String> partnerships, @Size(max = 20) List<@NotNull Map<String, String>> partnershipKinds,
                                 Map<String, String> otherTiersOfGovernment, Map<String, String> fundingMix,
                                 Map<String, String> targetGroups, List<@NotNull TargetGroup> targetGroupCodes,
                                 Map<String, String> successes, Map<String, String> problems, Map<String, String> lessonsLearned,
                                 @Size(max = 30) List<@NotNull @Valid ThemeQuestionInput> themeQuestions,
                                 @Size(max = 12) List<@NotNull @Min(1) @Max(12) Integer> topics, List<@NotNull Long> clusterIds) {
    }

    public record CaseStudyReturnInput(@NotBlank @Size(max = 2000) String comment) {
    }

    public record CaseStudySummary(long id, CaseStudyStatus status, String name, Long memberId, String memberName,
                                   String originalLanguage, List<String> languages, List<String> fallbackFields,
                                   List<Integer> topics, Instant publishedAt) {
    }

    public record CaseStudy(long id, CaseStudyStatus status, Long memberId, String memberName, Long organisationId,
                            String originalLanguage, List<String> languages, List<String> fallbackFields, String theme,
                            String name, String purpose, String leadOrganisation, String leadOrganisationBackground,
                            String address, CaseStudyContact contact, List<CaseStudyCategory> categories, Milieu milieu,
                            String background, String description, String objectives, String geographicalFocus,
                            String partnerships, List<String> partnershipKinds, String otherTiersOfGovernment,
                            String fundingMix, String targetGroups, List<TargetGroup> targetGroupCodes, String successes,
                            String problems, String lessonsLearned, List<ThemeQuestion> themeQuestions, List<Integer> topics,
                            List<Long> clusterIds, String returnComment, Instant submittedAt, Instant publishedAt,
                            Map<String, Map<String, String>> translations, int version) {
    }

    // ---- search and translation status

    public record SnippetSegment(String text, boolean match) {
    }

    public record SearchResult(SearchKind kind, long id, String title, String language, List<SnippetSegment> snippet,
                               double score, ResourceType resourceType, List<Integer> topics) {
    }

    public record TranslationStatus(SearchKind kind, long id, String title, String originalLanguage, List<String> languages,
                                    List<String> missing) {
    }
}
