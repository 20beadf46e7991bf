package org.learningcities.clusters;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** A survey of member cities for a term; open from opensOn to closesOn inclusive. */
@Entity
@Table(name = "survey")
public class Survey extends PanacheEntityBase {

    public enum Status { UPCOMING, OPEN, CLOSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "term_id")
    public long termId;
    @Column(name = "title_en")
    public String titleEn;
    @Column(name = "title_fr")
    public String titleFr;
    @Column(name = "title_es")
    public String titleEs;
    @Column(name = "opens_on")
    public LocalDate opensOn;
    @Column(name = "closes_on")
    public LocalDate closesOn;
    @Version
    public int version;

    public Status status(LocalDate today) {
        if (today.isBefore(opensOn)) {
            return Status.UPCOMING;
        }
        return today.isAfter(closesOn) ? Status.CLOSED : Status.OPEN;
    }
}
