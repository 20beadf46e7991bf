package org.learningcities.members;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
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
import org.learningcities.members.MemberViews.Mayor;

/** What the call and application endpoints take and answer; one record per schema of the contract. */
public final class ApplicationViews {

    private ApplicationViews() {
    }

    public record MembershipCallInput(@NotBlank @Size(max = 200) String title, @NotNull LocalDate opensOn,
                                      @NotNull LocalDate closesOn) {
    }

    public record MembershipCallView(long id, String title, LocalDate opensOn, LocalDate closesOn, boolean open,
                                     long applications) {
    }

    public record ApplicationContact(@NotBlank @Size(max = 200) String name,
                                     @Size(max = 200) String role,
                                     @Size(max = 300) String organisation,
                                     @NotBlank @Email @Size(max = 254) String email,
                                     @Size(max = 50) String phone) {
    }

    public record ChallengeRating(@NotBlank @Size(max = 200) String challenge, @NotNull @Min(1) @Max(5) Integer rating) {
    }

    /** The application as the city submits it. The 200-word limits are checked by the service (it counts words). */
    public record ApplicationInput(@NotBlank @Size(max = 200) String city,
                                   @NotBlank String country,
                                   @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String website,
                                   @NotNull @Valid Mayor mayor,
                                   @NotNull @Valid ApplicationContact contact,
                                   @NotNull @Pattern(regexp = "^(en|fr)$", message = "must be en or fr") String languageOfCommunication,
                                   @Min(0) Long population,
                                   @DecimalMin(value = "0", inclusive = false) BigDecimal areaKm2,
                                   @DecimalMin("0") BigDecimal gdpPerCapitaCityUsd,
                                   @DecimalMin("0") BigDecimal gdpPerCapitaCountryUsd,
                                   @DecimalMin("0") @DecimalMax("25") BigDecimal schoolingYearsMen,
                                   @DecimalMin("0") @DecimalMax("25") BigDecimal schoolingYearsWomen,
                                   @NotBlank @Size(max = 5000) String motivation,
                                   @NotBlank @Size(max = 5000) String implementation,
                                   @Size(max = 20) List<@NotNull @Valid ChallengeRating> challenges,
                                   @Size(max = 2000) String interests,
                                   @Size(max = 2000) String expertise,
                                   @NotNull @AssertTrue(message = "must be true: members commit to the network's founding declaration")
                                   Boolean commitsToDeclaration) {
    }

    public record ApplicationStepView(ApplicationState step, LocalDate date, String detail, String by, Instant at) {
    }

    public record ApplicationView(long id, long callId, String applicant, ApplicationState state, Instant submittedAt,
                                  Long memberId, List<ApplicationStepView> steps, ApplicationInput input) {
    }

    public record EndorsementInput(@NotNull LocalDate date, @NotBlank @Size(max = 300) String signatory) {
    }

    public record RecommendationInput(@NotNull Boolean recommended, @NotNull LocalDate date, @Size(max = 2000) String note) {
    }

    public enum Outcome { ADMITTED, REJECTED }

    public record DecisionInput(@NotNull Outcome outcome, @NotNull LocalDate date, @Size(max = 2000) String reason) {
    }
}
