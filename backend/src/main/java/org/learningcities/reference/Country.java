package org.learningcities.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.List;
import org.learningcities.common.Language;

/** An ISO 3166-1 country or territory, with its names in the six UN languages. */
@Entity
@Table(name = "country")
public class Country extends PanacheEntityBase {
    @Id
    public String iso2;
    public String iso3;
    @Column(name = "numeric_code")
    public int numericCode;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "name_fr")
    public String nameFr;
    @Column(name = "name_es")
    public String nameEs;
    @Column(name = "name_ar")
    public String nameAr;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_ru")
    public String nameRu;
    @Column(name = "m49_region")
    public String m49Region;
    @Column(name = "m49_sub_region")
    public String m49SubRegion;
    /** Stored, not derived at read time, so the secretariat can correct it. */
    @Column(name = "unesco_region")
    public String unescoRegion;
    /** ISO 4217 codes, comma-separated. */
    public String currencies;
    @Version
    public int version;

    public String name(Language language) {
        String name = switch (language) {
            case FR -> nameFr;
            case ES -> nameEs;
            case AR -> nameAr;
            case ZH -> nameZh;
            case RU -> nameRu;
            default -> nameEn;
        };
        return name == null || name.isBlank() ? nameEn : name;
    }

    public List<String> currencyList() {
        return currencies == null || currencies.isBlank() ? List.of() : Arrays.asList(currencies.split(","));
    }
}
