package org.learningcities.members;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.learningcities.reference.ReferenceViews.CountryIncomeGroupView;
import org.learningcities.reference.ReferenceViews.RegionRef;

/** What the members endpoints take and answer; one record per schema of the contract. */
public final class MemberViews {

    private MemberViews() {
    }

    public record CountryRef(String iso2, String name) {
    }

    public record Mayor(@NotBlank @Size(max = 200) String name, @Size(max = 200) String title) {
    }

    public record ProfileTextView(@Size(max = 10000) String visionAndMotivation,
                                  @Size(max = 10000) String challengesAndGoals,
                                  @Size(max = 10000) String planAndImplementation) {
    }

    public record LocalizedProfile(String language, boolean fallback, String visionAndMotivation,
                                   String challengesAndGoals, String planAndImplementation) {
    }

    public record MemberSummary(long id, String externalId, String name, String localName, CountryRef country,
                                RegionRef unescoRegion, CountryIncomeGroupView incomeGroup, Long population,
                                int yearJoined, MemberStatus status, BigDecimal latitude, BigDecimal longitude,
                                List<Integer> topics, LocalDate nextProgressReportDue, boolean progressReportOverdue) {
    }

    public record Member(long id, String externalId, String name, String localName, CountryRef country,
                         RegionRef unescoRegion, CountryIncomeGroupView incomeGroup, Long population,
                         BigDecimal areaKm2, int yearJoined, MemberStatus status, String website,
                         BigDecimal latitude, BigDecimal longitude, List<String> languages, Mayor mayor,
                         List<Integer> topics, Map<String, ProfileTextView> profile,
                         LocalizedProfile localizedProfile, LocalDate lastProgressReport,
                         LocalDate nextProgressReportDue, boolean progressReportOverdue, int version) {
    }

    /** The fields a focal point may edit. */
    public record MemberProfileInput(@Size(max = 200) String localName,
                                     @Min(0) Long population,
                                     @DecimalMin(value = "0", inclusive = false) BigDecimal areaKm2,
                                     @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String website,
                                     @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
                                     @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
                                     List<@Pattern(regexp = "^[a-z]{2}$", message = "must be an ISO 639-1 code such as en") String> languages,
                                     @Valid Mayor mayor,
                                     List<@NotNull @Min(1) @Max(12) Integer> topics,
                                     Map<@Pattern(regexp = "^[a-z]{2}$", message = "must be an ISO 639-1 code such as en") String, @Valid ProfileTextView> profile) {
    }

    public record MemberInput(@Size(max = 100) String externalId,
                              @NotBlank @Size(max = 200) String name,
                              @NotBlank @Pattern(regexp = "^[A-Za-z]{2}$", message = "must be an ISO 3166-1 alpha-2 code") String country,
                              @NotNull @Min(2012) Integer yearJoined,
                              @Size(max = 200) String localName,
                              @Min(0) Long population,
                              @DecimalMin(value = "0", inclusive = false) BigDecimal areaKm2,
                              @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String website,
                              @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
                              @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
                              List<@Pattern(regexp = "^[a-z]{2}$", message = "must be an ISO 639-1 code such as en") String> languages,
                              @Valid Mayor mayor,
                              List<@NotNull @Min(1) @Max(12) Integer> topics,
                              Map<@Pattern(regexp = "^[a-z]{2}$", message = "must be an ISO 639-1 code such as en") String, @Valid ProfileTextView> profile) {

        public MemberProfileInput profileFields() {
            return new MemberProfileInput(localName, population, areaKm2, website, latitude, longitude, languages, mayor, topics, profile);
        }
    }

    public record StatusChangeInput(@NotNull StatusAction action, @NotNull LocalDate date,
                                    @NotBlank @Size(max = 2000) String reason) {
    }

    public enum StatusAction { SUSPEND, REINSTATE, WITHDRAW }

    public record StatusChangeView(long id, MemberStatus fromStatus, MemberStatus toStatus, LocalDate date,
                                   String reason, String recordedBy, Instant recordedAt) {
    }

    public record ProgressReportInput(@NotNull LocalDate receivedOn,
                                      @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String link,
                                      @Size(max = 2000) String note) {
    }

    public record ProgressReportView(long id, LocalDate receivedOn, String link, String note, String recordedBy,
                                     Instant recordedAt) {
    }

    public record ProgressReportList(List<ProgressReportView> items, int page, int size, long total,
                                     LocalDate nextDue, boolean overdue) {
    }

    public record FocalPointInput(@NotBlank @Size(max = 200) String name,
                                  @Size(max = 200) String role,
                                  @Size(max = 300) String organisation,
                                  @NotBlank @Email @Size(max = 254) String email,
                                  @Size(max = 50) String phone,
                                  @Pattern(regexp = "^[a-z]{2}$", message = "must be an ISO 639-1 code such as en") String preferredLanguage,
                                  @Size(max = 100) String username) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FocalPointView(long id, String name, String role, String organisation, String email, String phone,
                                 String preferredLanguage, String username, boolean demo, int version) {
    }
}
