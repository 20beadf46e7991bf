package org.learningcities.members;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.learningcities.common.Texts;
import org.learningcities.common.Csv;
import org.learningcities.common.Problem.FieldError;
import org.learningcities.common.ProblemException;
import org.learningcities.members.MemberViews.Mayor;
import org.learningcities.members.MemberViews.MemberInput;
import org.learningcities.members.MemberViews.ProfileTextView;
import org.learningcities.reference.Country;

/**
 * Creates or updates member cities from CSV. A row matches the city with the same externalId,
 * else the same country and name; a row equal to what is stored changes nothing. Runs in the
 * caller's transaction: every row is stored, or (on any error) none.
 */
@ApplicationScoped
public class MemberImport {

    /** The import's answer: the shape of the contract's ImportReport. */
    public record Report(boolean dryRun, int rowsRead, int rowsAccepted, int created, int updated, int unchanged,
                         List<FieldError> errors, List<FieldError> warnings) {
    }

    private record Parsed(int line, MemberInput input, MemberStatus status, LocalDate lastReport) {
    }

    @Inject
    MemberService members;

    @Inject
    Validator validator;

    @Inject
    org.learningcities.common.Caller caller;

    public Report run(String csv, boolean dryRun) {
        List<Csv.Row> rows = Csv.read(csv, MemberCsv.REQUIRED);
        Set<String> countries = new HashSet<>();
        Country.<Country>listAll().forEach(c -> countries.add(c.iso2));
        List<FieldError> errors = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        Set<String> keysInFile = new HashSet<>();
        for (Csv.Row row : rows) {
            int before = errors.size();
            Parsed p = parse(row, countries, errors);
            if (errors.size() == before) {
                String key = p.input().externalId() != null ? "id:" + p.input().externalId()
                        : "name:" + p.input().country() + "/" + p.input().name().toLowerCase(Locale.ROOT);
                if (!keysInFile.add(key)) {
                    errors.add(new FieldError(p.input().externalId() != null ? "externalId" : "name",
                            "the same city appears twice in the file", row.line()));
                } else {
                    parsed.add(p);
                }
            }
        }
        if (rows.isEmpty()) {
            errors.add(new FieldError("body", "has no data rows", 2));
        }
        errors.sort(java.util.Comparator.comparing(FieldError::line).thenComparing(FieldError::field));

        // Only the match keys of the stored cities: loading every city as an entity kept thousands of
        // unrelated records in the persistence context, each dirty-checked at every flush of the import.
        Map<String, Long> byExternalId = new HashMap<>();
        Map<String, Long> byCountryAndName = new HashMap<>();
        for (Object[] key : MemberCity.getEntityManager().createQuery(
                "select m.id, m.externalId, m.countryIso2, m.name from MemberCity m", Object[].class).getResultList()) {
            if (key[1] != null) {
                byExternalId.put((String) key[1], (Long) key[0]);
            }
            byCountryAndName.put(key[2] + "/" + ((String) key[3]).toLowerCase(Locale.ROOT), (Long) key[0]);
        }
        List<Long> matchedIds = new ArrayList<>();
        List<Long> matchOfRow = new ArrayList<>();
        for (Parsed p : parsed) {
            Long id = p.input().externalId() != null ? byExternalId.get(p.input().externalId()) : null;
            if (id == null) {
                id = byCountryAndName.get(p.input().country() + "/" + p.input().name().toLowerCase(Locale.ROOT));
            }
            matchOfRow.add(id);
            if (id != null) {
                matchedIds.add(id);
            }
        }
        Map<Long, MemberCity> matched = new HashMap<>();
        for (int from = 0; from < matchedIds.size(); from += 1000) {
            MemberCity.<MemberCity>list("id in ?1", matchedIds.subList(from, Math.min(matchedIds.size(), from + 1000)))
                    .forEach(city -> matched.put(city.id, city));
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<Runnable> writes = new ArrayList<>();
        List<Long> createdIds = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            Parsed p = parsed.get(i);
            MemberCity existing = matchOfRow.get(i) == null ? null : matched.get(matchOfRow.get(i));
            if (existing == null) {
                created++;
                writes.add(() -> createdIds.add(create(p)));
            } else if (equal(existing, p)) {
                unchanged++;
            } else {
                updated++;
                MemberCity city = existing;
                writes.add(() -> update(city, p));
            }
        }
        Report report = new Report(dryRun, rows.size(), errors.isEmpty() ? parsed.size() : 0,
                errors.isEmpty() ? created : 0, errors.isEmpty() ? updated : 0, errors.isEmpty() ? unchanged : 0,
                errors, List.of());
        if (dryRun) {
            return report;
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        writes.forEach(Runnable::run);
        recordCreation(createdIds);
        return report;
    }

    private long create(Parsed p) {
        MemberCity city = new MemberCity();
        city.status = p.status();
        members.applyRecord(city, p.input());
        city.lastProgressReport = p.lastReport();
        city.refreshReportDue();
        city.persist();
        return city.id;
    }

    /** The first entry of each new city's status history, written in a few statements rather than one per city. */
    private void recordCreation(List<Long> ids) {
        MemberCity.getEntityManager().flush();
        for (int from = 0; from < ids.size(); from += 1000) {
            MemberCity.getEntityManager().createNativeQuery(
                            "INSERT INTO member_status_change (member_id, from_status, to_status, change_date, reason, recorded_by, recorded_at)"
                                    + " SELECT id, NULL, status, ?1, 'Added by CSV import', ?2, ?3 FROM member_city WHERE id IN (?4)")
                    .setParameter(1, LocalDate.now()).setParameter(2, caller.recordedBy())
                    .setParameter(3, java.time.Instant.now()).setParameter(4, ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .executeUpdate();
        }
    }

    private void update(MemberCity city, Parsed p) {
        // The narrative profile is not in the CSV: keep it.
        Map<String, ProfileTextView> profile = new LinkedHashMap<>();
        city.profile.forEach((lang, text) -> profile.put(lang,
                new ProfileTextView(text.visionAndMotivation, text.challengesAndGoals, text.planAndImplementation)));
        MemberInput in = p.input();
        members.applyRecord(city, new MemberInput(in.externalId(), in.name(), in.country(), in.yearJoined(), in.localName(),
                in.population(), in.areaKm2(), in.website(), in.latitude(), in.longitude(), in.languages(), in.mayor(),
                in.topics(), profile));
        city.lastProgressReport = p.lastReport();
        city.refreshReportDue();
        if (city.status != p.status()) {
            members.recordStatus(city, city.status, p.status(), LocalDate.now(), "Changed by CSV import");
            city.status = p.status();
        }
    }

    private static boolean equal(MemberCity city, Parsed p) {
        MemberInput in = p.input();
        return MemberService.same(city.externalId, in.externalId()) && city.name.equals(in.name())
                && MemberService.same(city.localName, in.localName()) && city.countryIso2.equals(in.country())
                && MemberService.same(city.population, in.population()) && MemberService.sameNumber(city.areaKm2, in.areaKm2())
                && city.yearJoined == in.yearJoined() && city.status == p.status()
                && MemberService.same(city.website, in.website())
                && MemberService.sameNumber(city.latitude, in.latitude()) && MemberService.sameNumber(city.longitude, in.longitude())
                && city.languageList().equals(in.languages())
                && MemberService.same(city.mayorName, in.mayor() == null ? null : in.mayor().name())
                && MemberService.same(city.mayorTitle, in.mayor() == null ? null : in.mayor().title())
                && new TreeSet<>(city.topics).equals(new TreeSet<>(in.topics()))
                && MemberService.same(city.lastProgressReport, p.lastReport());
    }

    private Parsed parse(Csv.Row row, Set<String> countries, List<FieldError> errors) {
        int line = row.line();
        String country = MemberCsv.column(row, "country").toUpperCase(Locale.ROOT);
        if (!countries.contains(country)) {
            errors.add(new FieldError("country", "'" + country + "' is not an ISO 3166-1 alpha-2 country code", line));
        }
        Integer yearJoined = integer(row, "yearJoined", errors);
        Long population = row.get("population").isEmpty() ? null : longValue(row, "population", errors);
        BigDecimal area = decimal(row, "areaKm2", errors);
        BigDecimal latitude = decimal(row, "latitude", errors);
        BigDecimal longitude = decimal(row, "longitude", errors);
        MemberStatus status = MemberStatus.MEMBER;
        String statusText = MemberCsv.column(row, "status");
        if (!statusText.isEmpty()) {
            try {
                status = MemberStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be MEMBER, SUSPENDED or WITHDRAWN", line));
            }
        }
        List<Integer> topics = new ArrayList<>();
        for (String part : list(MemberCsv.column(row, "topics"))) {
            try {
                topics.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                errors.add(new FieldError("topics", "'" + part + "' is not a topic number (1 to 12)", line));
            }
        }
        LocalDate lastReport = null;
        try {
            lastReport = MemberCsv.date(MemberCsv.column(row, "lastProgressReport"));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("lastProgressReport", "must be a date like 2024-06-30", line));
        }
        String mayorName = Texts.blankToNull(MemberCsv.column(row, "mayorName"));
        String mayorTitle = Texts.blankToNull(MemberCsv.column(row, "mayorTitle"));
        if (mayorName == null && mayorTitle != null) {
            errors.add(new FieldError("mayorName", "is needed when mayorTitle is given", line));
        }
        MemberInput input = new MemberInput(Texts.blankToNull(MemberCsv.column(row, "externalId")),
                MemberCsv.column(row, "name"), country, yearJoined, Texts.blankToNull(MemberCsv.column(row, "localName")),
                population, area, Texts.blankToNull(MemberCsv.column(row, "website")), latitude, longitude,
                list(MemberCsv.column(row, "languages")), mayorName == null ? null : new Mayor(mayorName, mayorTitle),
                topics, Map.of());
        for (ConstraintViolation<MemberInput> violation : validator.validate(input)) {
            String field = violation.getPropertyPath().toString().replaceAll("\\[.*$", "").replace("mayor.name", "mayorName")
                    .replace("mayor.title", "mayorTitle").replaceAll("<.*>", "");
            if (!field.equals("country") && !(field.equals("yearJoined") && yearJoined == null)) {
                errors.add(new FieldError(field, violation.getMessage(), line));
            }
        }
        if ((latitude == null) != (longitude == null)) {
            errors.add(new FieldError(latitude == null ? "latitude" : "longitude", "latitude and longitude go together", line));
        }
        if (yearJoined != null && yearJoined > LocalDate.now().getYear() + 1) {
            errors.add(new FieldError("yearJoined", "must not be after " + (LocalDate.now().getYear() + 1), line));
        }
        return new Parsed(line, input, status, lastReport);
    }

    private static List<String> list(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Integer integer(Csv.Row row, String column, List<FieldError> errors) {
        String text = MemberCsv.column(row, column);
        if (text.isEmpty()) {
            errors.add(new FieldError(column, "is required", row.line()));
            return null;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(column, "'" + text + "' is not a whole number", row.line()));
            return null;
        }
    }

    private static Long longValue(Csv.Row row, String column, List<FieldError> errors) {
        String text = MemberCsv.column(row, column);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(column, "'" + text + "' is not a whole number", row.line()));
            return null;
        }
    }

    private static BigDecimal decimal(Csv.Row row, String column, List<FieldError> errors) {
        String text = MemberCsv.column(row, column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(column, "'" + text + "' is not a number", row.line()));
            return null;
        }
    }
}
