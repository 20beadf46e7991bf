package org.learningcities.members;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.learningcities.common.Texts;
import org.learningcities.common.Csv;
import org.learningcities.common.Problem.FieldError;
import org.learningcities.common.ProblemException;
import org.learningcities.members.OrganisationViews.ContactView;
import org.learningcities.members.OrganisationViews.OrganisationInput;
import org.learningcities.reference.Country;

/**
 * Organisations as CSV: the export of a list, and the import that creates or updates from such a
 * file. Both use the same columns, so an export imports back with no change. The CSV carries the
 * first contact only.
 */
@ApplicationScoped
public class OrganisationCsv {

    public static final List<String> COLUMNS = List.of("externalId", "name", "kind", "country", "website",
            "contactName", "contactRole", "contactEmail", "contactPhone");

    /** The shape of the contract's ImportReport, with what was created, updated or left as it was. */
    public record Report(boolean dryRun, int rowsRead, int rowsAccepted, int created, int updated, int unchanged,
                         List<FieldError> errors, List<FieldError> warnings) {
    }

    /** Bean Validation property paths of OrganisationInput, and the CSV columns they come from. */
    private static final Map<String, String> COLUMN_OF_PROPERTY = Map.of(
            "externalId", "externalId", "name", "name", "kind", "kind", "country", "country", "website", "website",
            "contacts[0].name", "contactName", "contacts[0].role", "contactRole",
            "contacts[0].email", "contactEmail", "contacts[0].phone", "contactPhone");

    @Inject
    OrganisationService organisations;

    @Inject
    Validator validator;

    // ---- export

    /** Contacts are not public: without {@code withContacts} their columns stay empty. */
    public String export(List<Organisation> list, boolean withContacts) {
        List<List<String>> rows = new ArrayList<>();
        for (Organisation o : list) {
            OrganisationContact first = !withContacts || o.contacts.isEmpty() ? null : o.contacts.get(0);
            rows.add(Arrays.asList(o.externalId, o.name, o.kind.name(), o.countryIso2, o.website,
                    first == null ? null : first.name, first == null ? null : first.role,
                    first == null ? null : first.email, first == null ? null : first.phone));
        }
        return Csv.write(COLUMNS, rows);
    }

    // ---- import

    /** A row that passed every check: what it becomes, and the organisation it updates (null: a new one). */
    private record Planned(OrganisationInput input, Organisation target) {
    }

    /**
     * Checks every row, then (unless a dry run, and only when no row is bad) writes them all.
     * Runs inside the caller's transaction, so a failure leaves nothing behind.
     */
    public Report run(String csv, boolean dryRun) {
        List<Csv.Row> rows = Csv.read(csv, List.of("name", "kind"));
        Set<String> countryCodes = new HashSet<>(Country.getEntityManager()
                .createQuery("select c.iso2 from Country c", String.class).getResultList());
        Map<String, Organisation> byExternalId = new HashMap<>();
        Map<String, Organisation> byKey = new HashMap<>();
        for (Organisation o : Organisation.<Organisation>listAll()) {
            if (o.externalId != null) {
                byExternalId.put(o.externalId, o);
            }
            byKey.put(key(o.countryIso2, o.name), o);
        }

        List<FieldError> errors = new ArrayList<>();
        List<Planned> planned = new ArrayList<>();
        Map<String, Integer> externalIdLines = new HashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        Map<Organisation, Integer> targetLines = new HashMap<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Csv.Row row : rows) {
            List<FieldError> rowErrors = new ArrayList<>();
            OrganisationInput input = parse(row, countryCodes, rowErrors);
            if (input == null) {
                errors.addAll(rowErrors);
                continue;
            }
            String externalId = Texts.blankToNull(input.externalId());
            String country = Texts.blankToNull(input.country());
            String key = key(country, input.name().trim());

            // Match by externalId, else by country and name.
            Organisation target = externalId == null ? null : byExternalId.get(externalId);
            if (target == null) {
                target = byKey.get(key);
                if (target != null && externalId != null && target.externalId != null) {
                    rowErrors.add(new FieldError("externalId", "the organisation '" + target.name + "'"
                            + (country == null ? "" : " in " + country) + " has the externalId " + target.externalId, row.line()));
                }
            } else {
                Organisation holder = byKey.get(key);
                if (holder != null && holder != target) {
                    rowErrors.add(new FieldError("name", "another organisation is already called '" + holder.name + "'"
                            + (country == null ? " without a country" : " in " + country), row.line()));
                }
            }
            if (externalId != null && externalIdLines.putIfAbsent(externalId, row.line()) != null) {
                rowErrors.add(new FieldError("externalId", externalId + " is already on line " + externalIdLines.get(externalId), row.line()));
            }
            if (keyLines.putIfAbsent(key, row.line()) != null) {
                rowErrors.add(new FieldError("name", "'" + input.name().trim() + "'" + (country == null ? "" : " in " + country)
                        + " is already on line " + keyLines.get(key), row.line()));
            }
            if (target != null && targetLines.putIfAbsent(target, row.line()) != null) {
                rowErrors.add(new FieldError("name", "line " + targetLines.get(target) + " already changes this organisation",
                        row.line()));
            }
            if (!rowErrors.isEmpty()) {
                errors.addAll(rowErrors);
                continue;
            }

            // An empty externalId keeps the stored one; the contact columns replace only the first contact.
            List<ContactView> contacts = new ArrayList<>();
            List<OrganisationContact> stored = target == null ? List.of() : target.contacts;
            if (input.contacts().isEmpty()) {
                stored.forEach(c -> contacts.add(OrganisationService.contactView(c)));
            } else {
                contacts.add(input.contacts().get(0));
                stored.stream().skip(1).forEach(c -> contacts.add(OrganisationService.contactView(c)));
            }
            OrganisationInput merged = new OrganisationInput(externalId != null ? externalId : target == null ? null : target.externalId,
                    input.name(), input.kind(), country, input.website(), contacts);
            if (target == null) {
                created++;
            } else if (same(target, merged)) {
                unchanged++;
                continue;
            } else {
                updated++;
            }
            planned.add(new Planned(merged, target));
        }

        boolean ok = errors.isEmpty();
        Report report = new Report(dryRun, rows.size(), ok ? created + updated + unchanged : 0, ok ? created : 0,
                ok ? updated : 0, ok ? unchanged : 0, errors, List.of());
        if (dryRun) {
            return report;
        }
        if (!ok) {
            throw ProblemException.validation(errors);
        }
        OrganisationService.conflictOnDuplicate(() -> {
            for (Planned p : planned) {
                Organisation organisation = p.target() == null ? new Organisation() : p.target();
                organisations.apply(organisation, p.input());
                if (p.target() == null) {
                    organisation.persist();
                }
            }
            Organisation.flush();
        });
        return report;
    }

    /** One row as the input the API takes, or null with the row's errors (each naming its column). */
    private OrganisationInput parse(Csv.Row row, Set<String> countryCodes, List<FieldError> errors) {
        String kindText = row.get("kind");
        OrganisationKind kind = null;
        try {
            kind = kindText.isEmpty() ? null : OrganisationKind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", "'" + kindText + "' is not one of "
                    + String.join(", ", Arrays.stream(OrganisationKind.values()).map(Enum::name).toList()), row.line()));
        }
        String country = row.get("country").toUpperCase(Locale.ROOT);
        if (!country.isEmpty() && !countryCodes.contains(country)) {
            errors.add(new FieldError("country", "'" + row.get("country") + "' is not an ISO 3166-1 alpha-2 country code", row.line()));
        }
        String contactName = row.get("contactname");
        String contactRole = row.get("contactrole");
        String contactEmail = row.get("contactemail");
        String contactPhone = row.get("contactphone");
        boolean hasContact = !(contactName + contactRole + contactEmail + contactPhone).isEmpty();
        List<ContactView> contacts = hasContact
                ? List.of(new ContactView(contactName, empty(contactRole), empty(contactEmail), empty(contactPhone)))
                : List.of();
        OrganisationInput input = new OrganisationInput(empty(row.get("externalid")), row.get("name"),
                kind, empty(country), empty(row.get("website")), contacts);
        for (ConstraintViolation<OrganisationInput> violation : validator.validate(input)) {
            String property = violation.getPropertyPath().toString();
            if (property.equals("kind") && !kindText.isEmpty()) {
                continue; // already reported as not a kind
            }
            errors.add(new FieldError(COLUMN_OF_PROPERTY.getOrDefault(property, property), violation.getMessage(), row.line()));
        }
        errors.sort((a, b) -> Integer.compare(COLUMNS.indexOf(a.field()), COLUMNS.indexOf(b.field())));
        return errors.isEmpty() ? input : null;
    }

    /** Whether applying the input would leave the organisation as it is. */
    private boolean same(Organisation stored, OrganisationInput input) {
        Organisation candidate = new Organisation();
        organisations.apply(candidate, input);
        return Objects.equals(stored.externalId, candidate.externalId) && stored.name.equals(candidate.name)
                && stored.kind == candidate.kind && Objects.equals(stored.countryIso2, candidate.countryIso2)
                && Objects.equals(stored.website, candidate.website) && stored.contacts.equals(candidate.contacts);
    }

    /**
     * Country and name the way the database's unique key compares them (utf8mb4_unicode_ci ignores
     * case and accents), so a row matches the organisation the key would call a duplicate.
     */
    private static String key(String country, String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return (country == null ? "" : country) + "|" + folded;
    }

    private static String empty(String text) {
        return text.isEmpty() ? null : text;
    }
}
