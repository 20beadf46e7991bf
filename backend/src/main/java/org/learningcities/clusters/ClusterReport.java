package org.learningcities.clusters;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.annotations.BatchSize;

/** A cluster's six-monthly report on a half-year of a term (half 1: January–June, 2: July–December). */
@Entity
@Table(name = "cluster_report")
public class ClusterReport extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "cluster_id")
    public long clusterId;
    @Column(name = "term_id")
    public long termId;
    public int year;
    public int half;
    @Column(name = "summary_en")
    public String summaryEn;
    @Column(name = "summary_fr")
    public String summaryFr;
    @Column(name = "summary_es")
    public String summaryEs;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Version
    public int version;

    @ElementCollection
    @BatchSize(size = 200)
    @CollectionTable(name = "cluster_report_activity", joinColumns = @JoinColumn(name = "report_id"))
    @Column(name = "activity_id")
    public Set<Long> activityIds = new TreeSet<>();
}
