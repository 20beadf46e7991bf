package org.learningcities.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.learningcities.common.Language;

/** One of UNESCO's five regions (UNESCO's own grouping, not UN M49). */
@Entity
@Table(name = "unesco_region")
public class UnescoRegion extends PanacheEntityBase {

    /** The codes, in the order UNESCO lists the regions. */
    public enum Code { AFRICA, ARAB_STATES, ASIA_PACIFIC, EUROPE_NORTH_AMERICA, LATIN_AMERICA_CARIBBEAN }

    @Id
    public String code;
    @Column(name = "sort_order")
    public int sortOrder;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "name_fr")
    public String nameFr;
    @Column(name = "name_es")
    public String nameEs;

    public String name(Language language) {
        return language.pick(nameEn, nameFr, nameEs);
    }
}
