package org.learningcities.members;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
import org.hibernate.Session;
import org.learningcities.audit.Audit;
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

    /** Rows per JDBC batch and ids per IN list of the import's own statements. */
    private static final int CHUNK = 1000;

    @Inject
    MemberService members;

    @Inject
    Validator validator;

    @Inject
    org.learningcities.common.Caller caller;

    @Inject
    Audit audit;

    @Inject
    MemberDirectory memberDirectory;

    /** The file's rows as parsed, and every error found in them (sorted by line). */
    private record ParsedFile(int rowsRead, List<Parsed> parsed, List<FieldError> errors) {
    }

    public Report run(String csv, boolean dryRun) {
        ParsedFile file = readFile(csv);
        List<Parsed> parsed = file.parsed();
        List<FieldError> errors = file.errors();

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
        for (int from = 0; from < matchedIds.size(); from += CHUNK) {
            MemberCity.<MemberCity>list("id in ?1", matchedIds.subList(from, Math.min(matchedIds.size(), from + CHUNK)))
                    .forEach(city -> matched.put(city.id, city));
        }
        int unchanged = 0;
        List<Parsed> creates = new ArrayList<>();
        List<Runnable> updates = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            Parsed p = parsed.get(i);
            MemberCity existing = matchOfRow.get(i) == null ? null : matched.get(matchOfRow.get(i));
            if (existing == null) {
                creates.add(p);
            } else if (equal(existing, p)) {
                unchanged++;
            } else {
                MemberCity city = existing;
                updates.add(() -> update(city, p));
            }
        }
        Report report = new Report(dryRun, file.rowsRead(), errors.isEmpty() ? parsed.size() : 0,
                errors.isEmpty() ? creates.size() : 0, errors.isEmpty() ? updates.size() : 0, errors.isEmpty() ? unchanged : 0,
                errors, List.of());
        if (dryRun) {
            return report;
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        updates.forEach(Runnable::run);
        // The updates' SQL first: a conflict among them surfaces here, before the new rows are written.
        MemberCity.getEntityManager().flush();
        if (!creates.isEmpty()) {
            List<MemberCity> cities = creates.stream().map(this::newCity).toList();
            insert(cities);
            audit.inserted(cities);
            memberDirectory.changed();
        }
        return report;
    }

    /**
     * Reads and checks every row. The CSV rows are dropped when this returns: a 10,000-row file's
     * rows are some 20 MB that would otherwise stay reachable (and be copied by the GC) through the writes.
     */
    private ParsedFile readFile(String csv) {
        List<Csv.Row> rows = Csv.read(csv, MemberCsv.REQUIRED);
        Set<String> countries = new HashSet<>();
        Country.<Country>listAll().forEach(c -> countries.add(c.iso2));
        List<FieldError> errors = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        Set<String> keysInFile = new HashSet<>();
        // Rows are checked on every core (the validator and the parsers are thread-safe; each row keeps its
        // own errors): a 10,000-row file spent a third of its import here, with the database idle.
        Parsed[] parsedRows = new Parsed[rows.size()];
        @SuppressWarnings("unchecked")
        List<FieldError>[] rowErrors = new List[rows.size()];
        java.util.stream.IntStream.range(0, rows.size()).parallel().forEach(i -> {
            List<FieldError> found = new ArrayList<>(0);
            parsedRows[i] = parse(rows.get(i), countries, found);
            rowErrors[i] = found;
        });
        for (int i = 0; i < rows.size(); i++) {
            Csv.Row row = rows.get(i);
            Parsed p = parsedRows[i];
            errors.addAll(rowErrors[i]);
            if (rowErrors[i].isEmpty()) {
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
        return new ParsedFile(rows.size(), parsed, errors);
    }

    /** A new city's values, mapped as the entity path maps them; written by {@link #insert}, never persisted. */
    private MemberCity newCity(Parsed p) {
        MemberCity city = new MemberCity();
        city.status = p.status();
        members.applyRecord(city, p.input());
        city.lastProgressReport = p.lastReport();
        city.refreshReportDue();
        return city;
    }

    private static final String INSERT_CITY = "INSERT INTO member_city (external_id, name, local_name, country_iso2, population,"
            + " area_km2, year_joined, status, website, latitude, longitude, languages, mayor_name, mayor_title, last_progress_report,"
            + " next_report_due, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";

    /**
     * Inserts new cities, their topics and first status entries with JDBC batches, on the
     * transaction's connection, and sets each city's id. Persisting them one by one cost a round
     * trip per city: IDENTITY keys keep Hibernate from batching inserts. Batches without generated
     * keys go to MariaDB as bulk statements (Connector/J's useBulkStmtsForInserts, on by default);
     * asking for the keys would make the driver fall back to one statement per row before MariaDB
     * 11.5, so the ids are read back by the unique (country, name) instead (no reliance on
     * consecutive auto-increment values, which Galera does not give). SQL errors become Hibernate's
     * exceptions (doWork converts them), which the problem mappers answer as 409/422 like the
     * entity path's.
     */
    private void insert(List<MemberCity> cities) {
        MemberCity.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_CITY)) {
                for (int from = 0; from < cities.size(); from += CHUNK) {
                    for (MemberCity city : cities.subList(from, Math.min(cities.size(), from + CHUNK))) {
                        insert.setString(1, city.externalId);
                        insert.setString(2, city.name);
                        insert.setString(3, city.localName);
                        insert.setString(4, city.countryIso2);
                        insert.setObject(5, city.population, Types.BIGINT);
                        insert.setBigDecimal(6, city.areaKm2);
                        insert.setInt(7, city.yearJoined);
                        insert.setString(8, city.status.name());
                        insert.setString(9, city.website);
                        insert.setBigDecimal(10, city.latitude);
                        insert.setBigDecimal(11, city.longitude);
                        insert.setString(12, city.languages);
                        insert.setString(13, city.mayorName);
                        insert.setString(14, city.mayorTitle);
                        insert.setObject(15, city.lastProgressReport, Types.DATE);
                        insert.setObject(16, city.nextReportDue, Types.DATE);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            readIds(connection, cities);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO member_topic (member_id, topic_number) VALUES (?, ?)")) {
                int batched = 0;
                for (MemberCity city : cities) {
                    for (int topic : city.topics) {
                        insert.setLong(1, city.id);
                        insert.setInt(2, topic);
                        insert.addBatch();
                        if (++batched % CHUNK == 0) {
                            insert.executeBatch();
                        }
                    }
                }
                insert.executeBatch();
            }
            // A city from a CSV row has no profile texts (they are not among the columns): nothing for member_profile.
            insertFirstStatus(connection, cities);
        });
    }

    /**
     * The first entry of each new city's status history, as MemberService.recordStatus writes it:
     * today, by the caller, recorded now (UTC, as Hibernate stores instants here).
     */
    private void insertFirstStatus(Connection connection, List<MemberCity> cities) throws SQLException {
        LocalDate today = LocalDate.now();
        LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        String recordedBy = caller.recordedBy();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO member_status_change"
                + " (member_id, from_status, to_status, change_date, reason, recorded_by, recorded_at) VALUES (?, NULL, ?, ?, ?, ?, ?)")) {
            for (int from = 0; from < cities.size(); from += CHUNK) {
                for (MemberCity city : cities.subList(from, Math.min(cities.size(), from + CHUNK))) {
                    insert.setLong(1, city.id);
                    insert.setString(2, city.status.name());
                    insert.setObject(3, today);
                    insert.setString(4, "Added by CSV import");
                    insert.setString(5, recordedBy);
                    insert.setObject(6, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** Sets the ids of just-inserted cities from their unique (country, name), a thousand cities per query. */
    private static void readIds(Connection connection, List<MemberCity> cities) throws SQLException {
        Map<String, MemberCity> byKey = new HashMap<>();
        cities.forEach(city -> byKey.put(city.countryIso2 + "/" + city.name, city));
        for (int from = 0; from < cities.size(); from += CHUNK) {
            List<MemberCity> chunk = cities.subList(from, Math.min(cities.size(), from + CHUNK));
            // By the unique key (country, name): a range read of that index, whatever other indexes exist.
            String sql = "SELECT id, country_iso2, name FROM member_city WHERE (country_iso2, name) IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?)")) + ")";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(2 * i + 1, chunk.get(i).countryIso2);
                    select.setString(2 * i + 2, chunk.get(i).name);
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        // The same name in another country (or an accent variant elsewhere) is another city.
                        MemberCity city = byKey.get(rs.getString(2) + "/" + rs.getString(3));
                        if (city != null) {
                            city.id = rs.getLong(1);
                        }
                    }
                }
            }
        }
        for (MemberCity city : cities) {
            if (city.id == null) {
                throw new IllegalStateException("The new city " + city.name + " (" + city.countryIso2 + ") was not found after its insert");
            }
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
