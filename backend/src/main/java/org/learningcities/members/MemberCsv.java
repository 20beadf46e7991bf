package org.learningcities.members;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.learningcities.common.Csv;

/** The CSV form of member cities: one set of columns for export and import, so they round-trip. */
final class MemberCsv {

    static final List<String> COLUMNS = List.of("externalId", "name", "localName", "country", "population", "areaKm2",
            "yearJoined", "status", "website", "latitude", "longitude", "languages", "mayorName", "mayorTitle", "topics",
            "lastProgressReport");
    static final List<String> REQUIRED = List.of("name", "country", "yearjoined");

    private MemberCsv() {
    }

    static String export(List<MemberCity> cities) {
        List<List<String>> rows = new ArrayList<>(cities.size());
        for (MemberCity c : cities) {
            rows.add(Arrays.asList(c.externalId, c.name, c.localName, c.countryIso2, text(c.population), text(c.areaKm2),
                    String.valueOf(c.yearJoined), c.status.name(), c.website, text(c.latitude), text(c.longitude),
                    String.join(";", c.languageList()), c.mayorName, c.mayorTitle,
                    new TreeSet<>(c.topics).stream().map(String::valueOf).collect(Collectors.joining(";")),
                    c.lastProgressReport == null ? null : c.lastProgressReport.toString()));
        }
        return Csv.write(COLUMNS, rows);
    }

    private static String text(Long number) {
        return number == null ? null : number.toString();
    }

    private static String text(BigDecimal number) {
        return number == null ? null : number.stripTrailingZeros().toPlainString();
    }

    /** Column names are matched case-insensitively (the CSV reader lower-cases the header). */
    static String column(Csv.Row row, String name) {
        return row.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    static LocalDate date(String text) {
        return text.isEmpty() ? null : LocalDate.parse(text);
    }
}
