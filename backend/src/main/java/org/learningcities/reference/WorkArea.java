package org.learningcities.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.learningcities.common.Language;

/** One of the four work areas a cluster's activities fall under. */
@Entity
@Table(name = "work_area")
public class WorkArea extends PanacheEntityBase {
    @Id
    public int number;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "name_fr")
    public String nameFr;
    @Column(name = "name_es")
    public String nameEs;
    @Column(name = "objective_en")
    public String objectiveEn;
    @Column(name = "objective_fr")
    public String objectiveFr;
    @Column(name = "objective_es")
    public String objectiveEs;

    public String name(Language language) {
        return language.pick(nameEn, nameFr, nameEs);
    }

    public String objective(Language language) {
        return language.pick(objectiveEn, objectiveFr, objectiveEs);
    }
}
