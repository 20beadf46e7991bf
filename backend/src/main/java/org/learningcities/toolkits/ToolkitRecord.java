package org.learningcities.toolkits;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A toolkit; the record is the JSON document body (a ToolkitInput). */
@Entity
@Table(name = "toolkit")
public class ToolkitRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "external_id")
    public String externalId;
    @Column(name = "original_language")
    public String originalLanguage;
    @Column(name = "project_id")
    public Long projectId;
    @Column(name = "cluster_id")
    public Long clusterId;
    @Column(name = "body_json")
    public String body;
    @Version
    public int version;
}
