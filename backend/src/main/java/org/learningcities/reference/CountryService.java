package org.learningcities.reference;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.learningcities.common.Language;
import org.learningcities.common.Page;
import org.learningcities.common.PageRequest;
import org.learningcities.common.ProblemException;
import org.learningcities.common.Versions;
import org.learningcities.common.WordSearch;
import org.learningcities.reference.ReferenceViews.CountryIncomeGroupView;
import org.learningcities.reference.ReferenceViews.CountryNames;
import org.learningcities.reference.ReferenceViews.CountryView;
import org.learningcities.reference.ReferenceViews.RegionRef;

@ApplicationScoped
public class CountryService {

    @Inject
    ReferenceCache cache;

    @Inject
    Event<ReferenceCache.Changed> changed;

    private static final List<String> NAME_COLUMNS = List.of("nameEn", "nameFr", "nameEs", "nameAr", "nameZh", "nameRu");

    /** The sort names a client may use, and what they sort by in a given language. */
    static Map<String, String> sortColumns(Language language) {
        String nameColumn = "coalesce(c." + NAME_COLUMNS.get(language.ordinal()) + ", c.nameEn)";
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("name", nameColumn);
        columns.put("iso2", "c.iso2");
        columns.put("region", "c.unescoRegion");
        return columns;
    }

    public Page<CountryView> list(String q, UnescoRegion.Code region, IncomeGroup.Code incomeGroup, PageRequest paging,
                                  Language language) {
        StringBuilder where = new StringBuilder("where 1 = 1");
        Parameters parameters = new Parameters();
        ReferenceCache.Snapshot reference = cache.get();
        if (q != null && !q.isBlank()) {
            String names = WordSearch.condition(q, NAME_COLUMNS.stream().map(column -> "c." + column).toList(), parameters);
            where.append(" and (").append(names).append(" or c.iso2 = :code or c.iso3 = :code)");
            parameters.and("code", q.trim().toUpperCase(Locale.ROOT));
        }
        if (region != null) {
            where.append(" and c.unescoRegion = :region");
            parameters.and("region", region.name());
        }
        if (incomeGroup != null) {
            where.append(" and c.iso2 in (select g.countryIso2 from CountryIncomeGroup g"
                    + " where g.editionCode = :edition and g.incomeGroup = :group)");
            parameters.and("edition", reference.editionCode() == null ? "" : reference.editionCode())
                    .and("group", incomeGroup.name());
        }
        String from = "from Country c " + where;
        long total = Country.count(from, parameters);
        List<Country> countries = Country.<Country>find(from + " order by " + paging.orderBy(), parameters)
                .range(paging.offset(), paging.offset() + paging.size() - 1).list();
        return Page.of(countries.stream().map(c -> view(ReferenceCache.CountryData.of(c), reference, language)).toList(),
                paging, total);
    }

    public CountryView get(String iso2, Language language) {
        return view(ReferenceCache.CountryData.of(find(iso2)), cache.get(), language);
    }

    @Transactional
    public CountryView correctRegion(String iso2, String ifMatch, UnescoRegion.Code region, Language language) {
        Country country = find(iso2);
        Versions.requireMatch(ifMatch, country.version, "Country " + country.iso2);
        country.unescoRegion = region.name();
        country.flush(); // bumps the version now, so the answer carries the new ETag
        changed.fire(new ReferenceCache.Changed());
        return view(ReferenceCache.CountryData.of(country), cache.get(), language);
    }

    /** The views of the given countries, by ISO code (for other areas that show countries). */
    public Map<String, CountryView> viewsByIso2(java.util.Collection<String> iso2s, Language language) {
        if (iso2s.isEmpty()) {
            return Map.of();
        }
        ReferenceCache.Snapshot reference = cache.get();
        Map<String, CountryView> views = new HashMap<>();
        for (String iso2 : iso2s) {
            ReferenceCache.CountryData country = reference.countries().get(iso2);
            if (country != null) {
                views.putIfAbsent(iso2, view(country, reference, language));
            }
        }
        return views;
    }

    /** Refuses an unknown country code with a field error. */
    public static String requireCountry(String iso2, String field) {
        String code = iso2 == null ? "" : iso2.trim().toUpperCase(Locale.ROOT);
        if (code.length() != 2 || Country.findById(code) == null) {
            throw ProblemException.validation(field, "'" + iso2 + "' is not an ISO 3166-1 alpha-2 country code");
        }
        return code;
    }

    private Country find(String iso2) {
        Country country = iso2 == null ? null : Country.findById(iso2.toUpperCase(Locale.ROOT));
        if (country == null) {
            throw ProblemException.notFound("There is no country " + iso2 + ".");
        }
        return country;
    }

    /** The current edition's code, for filters by income group. */
    public String currentEdition() {
        return cache.get().editionCode();
    }

    private static CountryView view(ReferenceCache.CountryData c, ReferenceCache.Snapshot reference, Language language) {
        ReferenceCache.Named region = c.unescoRegion() == null ? null : reference.regions().get(c.unescoRegion());
        String groupCode = reference.incomeGroupOfCountry().get(c.iso2());
        CountryIncomeGroupView incomeGroup = groupCode == null ? null : new CountryIncomeGroupView(
                IncomeGroup.Code.valueOf(groupCode), reference.incomeGroups().get(groupCode).name(language), reference.editionCode());
        return new CountryView(c.iso2(), c.iso3(), c.numericCode(), c.name(language),
                new CountryNames(c.nameEn(), c.nameFr(), c.nameEs(), c.nameAr(), c.nameZh(), c.nameRu()),
                c.m49Region(), c.m49SubRegion(),
                region == null ? null : new RegionRef(UnescoRegion.Code.valueOf(region.code()), region.name(language)),
                incomeGroup, c.currencies(), c.version());
    }
}
