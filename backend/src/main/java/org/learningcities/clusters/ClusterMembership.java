package org.learningcities.clusters;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A city taking part in a cluster in a term; a coordinator is a member with the flag set. */
@Entity
@Table(name = "cluster_membership")
public class ClusterMembership extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "cluster_id")
    public long clusterId;
    @Column(name = "term_id")
    public long termId;
    @Column(name = "member_id")
    public long memberId;
    public boolean coordinator;
    @Column(name = "joined_on")
    public LocalDate joinedOn;
    @Column(name = "left_on")
    public LocalDate leftOn;
}
