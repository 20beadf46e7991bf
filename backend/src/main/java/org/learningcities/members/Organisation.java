package org.learningcities.members;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/** A partner organisation: technical partner, donor, NGO, university and the like. */
@Entity
@Table(name = "organisation")
public class Organisation extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "external_id")
    public String externalId;
    public String name;
    @Enumerated(EnumType.STRING)
    public OrganisationKind kind;
    /** Null for international organisations. */
    @Column(name = "country_iso2")
    public String countryIso2;
    public String website;
    @Version
    public int version;

    /** In the order given; the first is the one the CSV export and import carry. */
    @ElementCollection
    @CollectionTable(name = "organisation_contact", joinColumns = @JoinColumn(name = "organisation_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 200) // a page or an export loads contacts in a few queries, not one per organisation
    public List<OrganisationContact> contacts = new ArrayList<>();
}
