package org.learningcities.toolkits;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.learningcities.toolkits.ToolkitViews.CaseStudyStatus;

/** A case-study fiche; the record is the JSON document body (a CaseStudyInput), the workflow beside it. */
@Entity
@Table(name = "case_study")
public class CaseStudyRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Enumerated(EnumType.STRING)
    public CaseStudyStatus status;
    @Column(name = "member_id")
    public Long memberId;
    @Column(name = "organisation_id")
    public Long organisationId;
    @Column(name = "original_language")
    public String originalLanguage;
    @Column(name = "body_json")
    public String body;
    @Column(name = "return_comment")
    public String returnComment;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Version
    public int version;
}
