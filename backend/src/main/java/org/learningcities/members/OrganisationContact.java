package org.learningcities.members;

import jakarta.persistence.Embeddable;
import java.util.Objects;

/** A contact person at a partner organisation. Not public. */
@Embeddable
public class OrganisationContact {
    public String name;
    public String role;
    public String email;
    public String phone;

    public OrganisationContact() {
    }

    public OrganisationContact(String name, String role, String email, String phone) {
        this.name = name;
        this.role = role;
        this.email = email;
        this.phone = phone;
    }

    /** Value equality, so an import can tell an unchanged contact from a changed one. */
    @Override
    public boolean equals(Object other) {
        return other instanceof OrganisationContact c && Objects.equals(name, c.name) && Objects.equals(role, c.role)
                && Objects.equals(email, c.email) && Objects.equals(phone, c.phone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, role, email, phone);
    }
}
