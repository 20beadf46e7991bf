package org.learningcities.clusters;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A member city's short report on a year within a cluster, for the annual members' meeting. */
@Entity
@Table(name = "cluster_member_progress")
public class ClusterMemberProgress extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "cluster_id")
    public long clusterId;
    @Column(name = "term_id")
    public long termId;
    @Column(name = "member_id")
    public long memberId;
    public int year;
    @Column(name = "report_text")
    public String text;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
