package org.learningcities.members;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A city's application for membership, and where it stands. */
@Entity
@Table(name = "membership_application")
public class MembershipApplication extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "call_id")
    public Long callId;
    /** The login of the user who applied; they may follow the application and become the city's focal point. */
    public String applicant;
    @Enumerated(EnumType.STRING)
    public ApplicationState state;
    public String city;
    @Column(name = "country_iso2")
    public String countryIso2;
    /** The ApplicationInput as submitted (JSON); never changed afterwards. */
    @Column(name = "input_json")
    public String inputJson;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    /** The member city created on admission. */
    @Column(name = "member_id")
    public Long memberId;
}
