package org.learningcities.toolkits;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** A project; its whole record is the JSON document body (a ProjectInput). */
@Entity
@Table(name = "project")
public class ProjectRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "external_id")
    public String externalId;
    public String acronym;
    @Column(name = "original_language")
    public String originalLanguage;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "body_json")
    public String body;
    @Version
    public int version;
}
