package org.learningcities.members;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.learningcities.common.Csv;
import org.learningcities.common.DataSeeds;
import org.learningcities.common.Resources;
import org.learningcities.members.MemberViews.FocalPointInput;

/**
 * The demo network `make run` shows: real member cities from public announcements, with invented
 * focal points marked as demo. Loaded once, and only when lc.demo-data is on (never in tests or
 * production by default).
 */
@ApplicationScoped
public class MemberDemoData {

    private static final Pattern YEAR = Pattern.compile("award[^/]*?(20\\d\\d)");

    @ConfigProperty(name = "lc.demo-data", defaultValue = "false")
    boolean enabled;

    @Inject
    DataSeeds seeds;

    @Inject
    FocalPointService focalPoints;

    @Inject
    OrganisationCsv organisations;

    // After the reference data (countries): observers with a larger priority number run later.
    void onStart(@Observes @Priority(3000) StartupEvent start) {
        if (enabled) {
            seeds.once("demo-members", this::load);
            seeds.once("demo-organisations", () -> organisations.run(Resources.text("demo/organisations.csv"), false));
        }
    }

    void load() {
        Map<String, BigDecimal[]> coordinates = new HashMap<>();
        for (Csv.Row row : Csv.read(Resources.text("demo/member-coordinates.csv"), List.of("country", "city", "latitude", "longitude"))) {
            coordinates.put(row.get("country") + "/" + row.get("city"),
                    new BigDecimal[] {new BigDecimal(row.get("latitude")), new BigDecimal(row.get("longitude"))});
        }
        Set<String> seen = new HashSet<>();
        int number = 0;
        for (Csv.Row row : Csv.read(Resources.text("demo/gnlc-members-announced.csv"), List.of("city", "country_iso2", "year_admitted"))) {
            String key = row.get("country_iso2") + "/" + row.get("city");
            if (!seen.add(key)) {
                continue; // announced twice (e.g. Muharraq): the first announcement counts
            }
            number++;
            MemberCity city = new MemberCity();
            city.externalId = String.format("DEMO-%03d", number);
            city.name = row.get("city");
            city.countryIso2 = row.get("country_iso2");
            city.yearJoined = yearJoined(row);
            BigDecimal[] location = coordinates.get(key);
            if (location != null) {
                city.latitude = location[0];
                city.longitude = location[1];
            }
            city.status = MemberStatus.MEMBER;
            city.refreshReportDue();
            city.persist();
            StatusChange joined = new StatusChange();
            joined.memberId = city.id;
            joined.toStatus = MemberStatus.MEMBER;
            joined.date = LocalDate.of(city.yearJoined, 1, 1);
            joined.reason = "Admitted (demo data from " + row.get("source_url") + ")";
            joined.recordedBy = "demo-data";
            joined.persist();
            // The demo focal-point login looks after Cork, a cluster coordinator in 2019-2021.
            String username = key.equals("IE/Cork") ? "focal-point" : null;
            focalPoints.addTrusted(city.id, new FocalPointInput("Demo contact of " + city.name, "Focal point (demo)",
                    "City of " + city.name, "focal." + city.externalId.toLowerCase() + "@example.org", null,
                    "en", username), true);
        }
    }

    /** The year of the announcement, else the award year its source names (cluster coordinators: 2019). */
    private static int yearJoined(Csv.Row row) {
        if (!row.get("year_admitted").isEmpty()) {
            return Integer.parseInt(row.get("year_admitted"));
        }
        Matcher year = YEAR.matcher(row.get("source_url"));
        return year.find() ? Integer.parseInt(year.group(1)) : 2019;
    }
}
