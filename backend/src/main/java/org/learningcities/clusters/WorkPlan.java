package org.learningcities.clusters;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A cluster's work plan for a term: objectives per language; its activities point to it. */
@Entity
@Table(name = "work_plan")
public class WorkPlan extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "cluster_id")
    public long clusterId;
    @Column(name = "term_id")
    public long termId;
    @Column(name = "objectives_en")
    public String objectivesEn;
    @Column(name = "objectives_fr")
    public String objectivesFr;
    @Column(name = "objectives_es")
    public String objectivesEs;
    @Version
    public int version;
}
