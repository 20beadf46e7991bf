package org.learningcities.members;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A call for membership applications: applications are taken from opensOn to closesOn, both included. */
@Entity
@Table(name = "membership_call")
public class MembershipCall extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String title;
    @Column(name = "opens_on")
    public LocalDate opensOn;
    @Column(name = "closes_on")
    public LocalDate closesOn;
    @Column(name = "created_by")
    public String createdBy;

    public boolean isOpen(LocalDate day) {
        return !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }
}
