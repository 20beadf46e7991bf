package org.learningcities.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.learningcities.common.Language;

/** A World Bank income group. */
@Entity
@Table(name = "income_group")
public class IncomeGroup extends PanacheEntityBase {

    public enum Code { LOW, LOWER_MIDDLE, UPPER_MIDDLE, HIGH }

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
