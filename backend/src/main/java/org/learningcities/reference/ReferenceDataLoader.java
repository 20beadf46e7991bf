package org.learningcities.reference;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.learningcities.common.Texts;
import org.learningcities.common.Csv;
import org.learningcities.common.DataSeeds;
import org.learningcities.common.Resources;

/**
 * Loads the shipped reference data on first start: the 249 ISO countries (from the country-codes
 * data package) and the World Bank classification FY2020, the edition in force during the
 * 2019–2021 strategy. Later editions come in through the API.
 */
@ApplicationScoped
public class ReferenceDataLoader {

    static final String FIRST_EDITION = "FY2020";

    @Inject
    DataSeeds seeds;

    @Inject
    IncomeGroupImport incomeGroups;

    void onStart(@Observes StartupEvent start) {
        seeds.once("countries", this::loadCountries);
        seeds.once("income-groups-" + FIRST_EDITION, () -> incomeGroups.run(FIRST_EDITION, LocalDate.of(2019, 7, 1),
                "World Bank CLASS table, FY2020 edition (1 July 2019), CC BY 4.0",
                Resources.text("reference/world-bank-income-groups-fy2020.csv"), false));
    }

    void loadCountries() {
        List<Csv.Row> rows = Csv.read(Resources.text("reference/country-codes.csv"),
                List.of("iso3166-1-alpha-2", "iso3166-1-alpha-3", "iso3166-1-numeric", "official_name_en", "region name"));
        for (Csv.Row row : rows) {
            String iso2 = row.get("iso3166-1-alpha-2");
            if (iso2.length() != 2) {
                continue;
            }
            Country country = new Country();
            country.iso2 = iso2;
            country.iso3 = row.get("iso3166-1-alpha-3");
            country.numericCode = Integer.parseInt(row.get("iso3166-1-numeric"));
            // UN usage; the data package's English official name has "Ivory Coast" where the UN says Côte d'Ivoire.
            country.nameEn = iso2.equals("CI") ? "Côte d'Ivoire" : row.get("official_name_en");
            country.nameFr = Texts.blankToNull(row.get("official_name_fr"));
            country.nameEs = Texts.blankToNull(row.get("official_name_es"));
            country.nameAr = Texts.blankToNull(row.get("official_name_ar"));
            country.nameZh = Texts.blankToNull(row.get("official_name_cn"));
            country.nameRu = Texts.blankToNull(row.get("official_name_ru"));
            country.m49Region = Texts.blankToNull(row.get("region name"));
            country.m49SubRegion = Texts.blankToNull(row.get("sub-region name"));
            UnescoRegion.Code region = UnescoRegionRule.regionOf(iso2, country.m49Region, country.m49SubRegion);
            country.unescoRegion = region == null ? null : region.name();
            country.currencies = row.get("iso4217-currency_alphabetic_code").replace(" ", "");
            country.persist();
        }
    }

}
