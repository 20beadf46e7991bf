package org.learningcities.clusters;

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
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.annotations.BatchSize;

/** A thematic cluster: cities working together on some of the twelve topics. */
@Entity
@Table(name = "cluster")
public class Cluster extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "name_fr")
    public String nameFr;
    @Column(name = "name_es")
    public String nameEs;
    @Column(name = "description_en")
    public String descriptionEn;
    @Column(name = "description_fr")
    public String descriptionFr;
    @Column(name = "description_es")
    public String descriptionEs;
    @Enumerated(EnumType.STRING)
    public ClusterStatus status;
    @Version
    public int version;

    @ElementCollection
    @BatchSize(size = 200)
    @CollectionTable(name = "cluster_topic", joinColumns = @JoinColumn(name = "cluster_id"))
    @Column(name = "topic_number")
    public Set<Integer> topics = new TreeSet<>();

    @ElementCollection
    @BatchSize(size = 200)
    @CollectionTable(name = "cluster_partner", joinColumns = @JoinColumn(name = "cluster_id"))
    @Column(name = "organisation_id")
    public Set<Long> partnerOrganisationIds = new TreeSet<>();
}
