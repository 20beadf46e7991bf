package org.learningcities.members;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.learningcities.members.MemberViews.CountryRef;

/** What the organisation endpoints take and answer; one record per schema of the contract. */
public final class OrganisationViews {

    private OrganisationViews() {
    }

    /** The schema OrganisationContact, in and out. */
    public record ContactView(@NotBlank @Size(max = 200) String name,
                              @Size(max = 200) String role,
                              @Email @Size(max = 254) String email,
                              @Size(max = 50) String phone) {
    }

    public record OrganisationInput(@Size(max = 100) String externalId,
                                    @NotBlank @Size(max = 300) String name,
                                    @NotNull OrganisationKind kind,
                                    String country,
                                    @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String website,
                                    @Size(max = 20) List<@NotNull @Valid ContactView> contacts) {
    }

    /** The schema Organisation. {@code contacts} is null, and so left out, for anyone but the secretariat. */
    public record OrganisationView(long id, String externalId, String name, OrganisationKind kind, CountryRef country,
                                   String website,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) List<ContactView> contacts,
                                   int version) {
    }
}
