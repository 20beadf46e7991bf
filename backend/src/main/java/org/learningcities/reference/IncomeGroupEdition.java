package org.learningcities.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** One edition of the World Bank classification; the one with the latest effective date is current. */
@Entity
@Table(name = "income_group_edition")
public class IncomeGroupEdition extends PanacheEntityBase {
    @Id
    public String code;
    @Column(name = "effective_date")
    public LocalDate effectiveDate;
    public String source;
    @Column(name = "loaded_at", insertable = false, updatable = false)
    public Instant loadedAt;

    public static Optional<IncomeGroupEdition> current() {
        return find("order by effectiveDate desc, loadedAt desc").firstResultOptional();
    }
}
