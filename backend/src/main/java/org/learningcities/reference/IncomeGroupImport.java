package org.learningcities.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.learningcities.common.Csv;
import org.learningcities.common.Problem.FieldError;
import org.learningcities.common.ProblemException;
import org.learningcities.reference.ReferenceViews.ImportReport;

/**
 * Loads an edition of the World Bank income-group classification from its CSV table. Runs inside
 * the caller's transaction: either every row is stored or none.
 */
@ApplicationScoped
public class IncomeGroupImport {

    static final List<String> REQUIRED_COLUMNS = List.of("iso3", "income_group");
    private static final Map<String, IncomeGroup.Code> GROUP_NAMES = Map.of(
            "low income", IncomeGroup.Code.LOW,
            "lower middle income", IncomeGroup.Code.LOWER_MIDDLE,
            "upper middle income", IncomeGroup.Code.UPPER_MIDDLE,
            "high income", IncomeGroup.Code.HIGH);

    @Inject
    EntityManager em;

    @Inject
    jakarta.enterprise.event.Event<ReferenceCache.Changed> changed;

    public ImportReport run(String code, LocalDate effectiveDate, String source, String csv, boolean dryRun) {
        if (IncomeGroupEdition.findById(code) != null) {
            throw ProblemException.conflict("Edition " + code + " is already loaded; give the new one another code.");
        }
        List<Csv.Row> rows = Csv.read(csv, REQUIRED_COLUMNS);
        Map<String, String> iso2ByIso3 = new HashMap<>();
        Country.<Country>listAll().forEach(c -> iso2ByIso3.put(c.iso3, c.iso2));

        List<FieldError> errors = new ArrayList<>();
        List<FieldError> warnings = new ArrayList<>();
        List<CountryIncomeGroup> accepted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Csv.Row row : rows) {
            String iso3 = row.get("iso3").toUpperCase(Locale.ROOT);
            String groupText = row.get("income_group");
            if (iso3.isEmpty()) {
                errors.add(new FieldError("iso3", "is empty", row.line()));
                continue;
            }
            if (!seen.add(iso3)) {
                errors.add(new FieldError("iso3", iso3 + " appears twice", row.line()));
                continue;
            }
            IncomeGroup.Code group = parseGroup(groupText);
            if (group == null) {
                if (groupText.isEmpty() || groupText.equals("..")) {
                    warnings.add(new FieldError("income_group", iso3 + " is not classified; row skipped", row.line()));
                } else {
                    errors.add(new FieldError("income_group", "'" + groupText + "' is not one of Low income, "
                            + "Lower middle income, Upper middle income, High income", row.line()));
                }
                continue;
            }
            String iso2 = iso2ByIso3.get(iso3);
            if (iso2 == null) {
                warnings.add(new FieldError("iso3", iso3 + " is not a country known to the platform; row skipped", row.line()));
                continue;
            }
            CountryIncomeGroup entry = new CountryIncomeGroup();
            entry.editionCode = code;
            entry.countryIso2 = iso2;
            entry.incomeGroup = group.name();
            String lending = row.get("lending_category");
            entry.lendingCategory = lending.isEmpty() || lending.equals("..") ? null : truncate(lending, 20);
            accepted.add(entry);
        }
        if (rows.isEmpty()) {
            errors.add(new FieldError("body", "has no data rows", 2));
        } else if (accepted.isEmpty() && errors.isEmpty()) {
            // Every row was skipped: an empty edition would silently classify no country at all.
            errors.add(new FieldError("body", "no row classifies a known country; nothing to load", 2));
        }
        ImportReport report = new ImportReport(dryRun, rows.size(), errors.isEmpty() ? accepted.size() : 0, errors, warnings);
        if (dryRun) {
            return report;
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        IncomeGroupEdition edition = new IncomeGroupEdition();
        edition.code = code;
        edition.effectiveDate = effectiveDate;
        edition.source = source;
        edition.persist();
        em.flush();
        accepted.forEach(entry -> entry.persist());
        changed.fire(new ReferenceCache.Changed());
        return report;
    }

    static IncomeGroup.Code parseGroup(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT).replace('-', ' ');
        IncomeGroup.Code byName = GROUP_NAMES.get(key);
        if (byName != null) {
            return byName;
        }
        for (IncomeGroup.Code code : IncomeGroup.Code.values()) {
            if (code.name().equalsIgnoreCase(text.trim())) {
                return code;
            }
        }
        return null;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
