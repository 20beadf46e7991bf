package org.learningcities.reference;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.learningcities.common.Language;

/**
 * Reference data as every list shows it (country names, regions, income groups of the current
 * edition), kept in memory: a directory page would otherwise re-read it on every request. A change
 * on this instance clears it once committed; a change made on another instance shows here within
 * {@link #MAX_AGE}. Holds immutable copies, never managed entities.
 */
@ApplicationScoped
public class ReferenceCache {

    static final Duration MAX_AGE = Duration.ofSeconds(30);

    /** Fired inside a transaction that changes countries or income groups. */
    public record Changed() {
    }

    public record Named(String code, String en, String fr, String es) {
        public String name(Language language) {
            return language.pick(en, fr, es);
        }
    }

    public record CountryData(String iso2, String iso3, int numericCode, String nameEn, String nameFr, String nameEs,
                              String nameAr, String nameZh, String nameRu, String m49Region, String m49SubRegion,
                              String unescoRegion, List<String> currencies, int version) {

        static CountryData of(Country c) {
            return new CountryData(c.iso2, c.iso3, c.numericCode, c.nameEn, c.nameFr, c.nameEs, c.nameAr, c.nameZh,
                    c.nameRu, c.m49Region, c.m49SubRegion, c.unescoRegion, List.copyOf(c.currencyList()), c.version);
        }

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
    }

    public record Snapshot(Instant loadedAt, Map<String, CountryData> countries, Map<String, Named> regions,
                           Map<String, Named> incomeGroups, String editionCode, Map<String, String> incomeGroupOfCountry) {
    }

    private volatile Snapshot snapshot;

    public Snapshot get() {
        Snapshot current = snapshot;
        if (current == null || current.loadedAt().plus(MAX_AGE).isBefore(Instant.now())) {
            current = QuarkusTransaction.requiringNew().call(ReferenceCache::load);
            snapshot = current;
        }
        return current;
    }

    void clear(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        snapshot = null;
    }

    private static Snapshot load() {
        Map<String, CountryData> countries = new HashMap<>();
        Country.<Country>listAll().forEach(c -> countries.put(c.iso2, CountryData.of(c)));
        Map<String, Named> regions = new HashMap<>();
        UnescoRegion.<UnescoRegion>listAll().forEach(r -> regions.put(r.code, new Named(r.code, r.nameEn, r.nameFr, r.nameEs)));
        Map<String, Named> groups = new HashMap<>();
        IncomeGroup.<IncomeGroup>listAll().forEach(g -> groups.put(g.code, new Named(g.code, g.nameEn, g.nameFr, g.nameEs)));
        String edition = IncomeGroupEdition.current().map(e -> e.code).orElse(null);
        Map<String, String> groupOfCountry = new HashMap<>();
        if (edition != null) {
            CountryIncomeGroup.<CountryIncomeGroup>list("editionCode", edition)
                    .forEach(g -> groupOfCountry.put(g.countryIso2, g.incomeGroup));
        }
        return new Snapshot(Instant.now(), Map.copyOf(countries), Map.copyOf(regions), Map.copyOf(groups), edition,
                Map.copyOf(groupOfCountry));
    }
}
