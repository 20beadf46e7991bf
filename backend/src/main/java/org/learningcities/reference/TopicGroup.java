package org.learningcities.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.learningcities.common.Language;

/** One of the four groups of topics: the building blocks of learning-city development. */
@Entity
@Table(name = "topic_group")
public class TopicGroup extends PanacheEntityBase {
    @Id
    public int number;
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
