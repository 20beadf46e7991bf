package org.learningcities.members;

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
import java.time.LocalDate;

/** One step of an application (submitted, endorsed, recommended, decided): dated and attributed; never edited. */
@Entity
@Table(name = "application_step")
public class ApplicationStep extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "application_id")
    public Long applicationId;
    @Enumerated(EnumType.STRING)
    public ApplicationState step;
    /** The date of the step itself, e.g. the endorsement letter's. */
    @Column(name = "step_date")
    public LocalDate date;
    /** Signatory, the jury's note or the reason of a decision. */
    public String detail;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
