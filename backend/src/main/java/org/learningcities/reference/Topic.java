package org.learningcities.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.learningcities.common.Language;

/** One of the twelve thematic topics clusters are organised around. */
@Entity
@Table(name = "topic")
public class Topic extends PanacheEntityBase {
    @Id
    public int number;
    public String code;
    @Column(name = "group_number")
    public int groupNumber;
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
