package org.learningcities.members;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A contact person of a member city. Not public. */
@Entity
@Table(name = "focal_point")
public class FocalPoint extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "member_id")
    public Long memberId;
    public String name;
    public String role;
    public String organisation;
    public String email;
    public String phone;
    @Column(name = "preferred_language")
    public String preferredLanguage;
    /** The Keycloak login that acts as this city's focal point; managed by the secretariat. */
    public String username;
    /** Invented contacts of the demo data set. */
    public boolean demo;
    @Version
    public int version;
}
