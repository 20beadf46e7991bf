package org.learningcities.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A country's income group in one edition of the classification. */
@Entity
@Table(name = "country_income_group")
@IdClass(CountryIncomeGroup.Key.class)
public class CountryIncomeGroup extends PanacheEntityBase {

    public record Key(String editionCode, String countryIso2) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "edition_code")
    public String editionCode;
    @Id
    @Column(name = "country_iso2")
    public String countryIso2;
    @Column(name = "income_group")
    public String incomeGroup;
    @Column(name = "lending_category")
    public String lendingCategory;
}
