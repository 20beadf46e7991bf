package org.learningcities.clusters;

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

/** One of the strategy's expected outcomes for a member city in a cluster, with its status and evidence. */
@Entity
@Table(name = "cluster_member_outcome")
public class ClusterMemberOutcome extends PanacheEntityBase {

    public enum Kind { POLICY_STRATEGY, INITIATIVES, MONITORING }

    public enum Status { NOT_STARTED, IN_PROGRESS, ACHIEVED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "cluster_id")
    public long clusterId;
    @Column(name = "term_id")
    public long termId;
    @Column(name = "member_id")
    public long memberId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "evidence_url")
    public String evidenceUrl;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
