package org.learningcities.members;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.learningcities.testsupport.Api.given;
import static org.learningcities.testsupport.Api.givenBadRequest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.learningcities.testsupport.Api;

@QuarkusTest
class MemberDirectoryTest {

    @Inject
    AgroalDataSource database;

    @Test
    void searchIgnoresAccentsAndCaseAndMatchesWordStarts() {
        String tag = Members.unique("T").substring(2);
        long medellin = Members.create("Medellín " + tag, "CO", 2015);
        long other = Members.create("Bogotá " + tag, "CO", 2016);
        given().queryParam("q", "medellin " + tag).get("/api/members")
                .then().statusCode(200).body("items.id", contains((int) medellin)).body("total", equalTo(1));
        given().queryParam("q", tag.toUpperCase()).get("/api/members")
                .then().body("items.id", containsInAnyOrder((int) medellin, (int) other));
        given().queryParam("q", "ellin " + tag).get("/api/members").then().body("total", equalTo(0));
    }

    @Test
    void filtersCombineRegionIncomeGroupStatusTopicAndYears() {
        String tag = Members.unique("F");
        long nairobi = Members.create(Map.of("name", tag + " Nairobi", "country", "KE", "yearJoined", 2019, "topics", List.of(1, 10)));
        long niamey = Members.create(Map.of("name", tag + " Niamey", "country", "NE", "yearJoined", 2022, "topics", List.of(10)));
        long cairo = Members.create(Map.of("name", tag + " Cairo", "country", "EG", "yearJoined", 2022, "topics", List.of(1)));
        given().queryParam("q", tag).queryParam("region", "AFRICA").get("/api/members")
                .then().body("items.id", containsInAnyOrder((int) nairobi, (int) niamey))
                .body("items.unescoRegion.code", everyItem(equalTo("AFRICA")));
        given().queryParam("q", tag).queryParam("incomeGroup", "LOW").get("/api/members")
                .then().body("items.id", contains((int) niamey)).body("items[0].incomeGroup.edition", equalTo("FY2020"));
        given().queryParam("q", tag).queryParam("topic", 1).get("/api/members")
                .then().body("items.id", containsInAnyOrder((int) nairobi, (int) cairo));
        given().queryParam("q", tag).queryParam("joinedFrom", 2020).queryParam("joinedTo", 2022).get("/api/members")
                .then().body("items.id", containsInAnyOrder((int) niamey, (int) cairo));
        given().queryParam("q", tag).queryParam("country", "eg").get("/api/members")
                .then().body("items.id", contains((int) cairo));
        given().queryParam("q", tag).queryParam("sort", "-yearJoined,name").get("/api/members")
                .then().body("items.id", contains((int) cairo, (int) niamey, (int) nairobi));
        given().queryParam("q", tag).queryParam("size", 2).queryParam("page", 2).queryParam("sort", "name").get("/api/members")
                .then().body("items.id", contains((int) niamey)).body("total", equalTo(3)).body("page", equalTo(2));
        given().queryParam("q", tag).queryParam("status", "SUSPENDED").get("/api/members").then().body("total", equalTo(0));
    }

    @Test
    void badFiltersAre400() {
        givenBadRequest().queryParam("status", "ASLEEP").get("/api/members")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        givenBadRequest().queryParam("topic", 13).get("/api/members")
                .then().statusCode(400).body("errors[0].field", equalTo("topic"));
        givenBadRequest().queryParam("sort", "mayor").get("/api/members")
                .then().statusCode(400).body("errors[0].field", equalTo("sort"));
    }

    @Test
    void theMapGetsTheSameFilteredListAsGeoJson() {
        String tag = Members.unique("G");
        long located = Members.create(Map.of("name", tag + " Turin", "country", "IT", "yearJoined", 2016,
                "latitude", 45.0703, "longitude", 7.6869));
        Members.create(Map.of("name", tag + " Nowhere", "country", "IT", "yearJoined", 2016));
        given().accept("application/geo+json").queryParam("q", tag).get("/api/members")
                .then().statusCode(200).contentType("application/geo+json")
                .body("type", equalTo("FeatureCollection"))
                .body("features.id", contains((int) located))
                .body("features[0].geometry.coordinates", contains(7.6869f, 45.0703f))
                .body("features[0].properties.region", equalTo("EUROPE_NORTH_AMERICA"));
    }

    @Test
    void readingOneCityAnswersWhatWritingItAnswered() {
        // GET reads the city with one SQL query, the write answers from the entity: both must say the same.
        Map<String, Object> fields = new java.util.HashMap<>(Map.of("name", Members.unique("Ghent"), "country", "BE",
                "yearJoined", 2016, "localName", "Gent", "population", 263_000, "areaKm2", 156.18, "website", "https://stad.gent",
                "latitude", 51.0543, "longitude", 3.7174, "languages", java.util.List.of("nl", "fr", "en")));
        fields.put("externalId", Members.unique("GH").replace(' ', '-'));
        fields.put("mayor", Map.of("name", "Mathias De Clercq", "title", "Burgemeester"));
        fields.put("topics", java.util.List.of(9, 2, 5));
        fields.put("profile", Map.of("nl", Map.of("visionAndMotivation", "Leren"), "en",
                Map.of("visionAndMotivation", "Learning", "challengesAndGoals", "Goals", "planAndImplementation", "Plan")));
        var written = org.learningcities.testsupport.Api.as("sam", "secretariat").contentType("application/json").body(fields)
                .queryParam("lang", "fr").post("/api/members").then().statusCode(201).extract();
        var read = given().queryParam("lang", "fr").get("/api/members/" + written.path("id")).then().statusCode(200).extract();
        org.junit.jupiter.api.Assertions.assertEquals(written.jsonPath().getMap(""), read.jsonPath().getMap(""));
        org.junit.jupiter.api.Assertions.assertEquals(written.header("ETag"), read.header("ETag"));
        long bare = Members.create(Members.unique("Aalst"), "BE", 2020);
        given().get("/api/members/" + bare).then().statusCode(200).body("topics", equalTo(java.util.List.of()))
                .body("profile", equalTo(Map.of())).body("localizedProfile", equalTo(null)).body("mayor", equalTo(null));
        given().get("/api/members/" + Long.MAX_VALUE).then().statusCode(404);
    }

    @Test
    void aProfileFallsBackToEnglishAndSaysSo() {
        long id = Members.create(Map.of("name", Members.unique("Cork"), "country", "IE", "yearJoined", 2015,
                "profile", Map.of("en", Map.of("visionAndMotivation", "A city of learning"),
                        "es", Map.of("visionAndMotivation", "Una ciudad del aprendizaje"))));
        given().queryParam("lang", "es").get("/api/members/" + id).then().statusCode(200)
                .header("Content-Language", "es")
                .body("localizedProfile.language", equalTo("es")).body("localizedProfile.fallback", equalTo(false))
                .body("country.name", equalTo("Irlanda"));
        given().queryParam("lang", "fr").get("/api/members/" + id).then()
                .body("localizedProfile.language", equalTo("en")).body("localizedProfile.fallback", equalTo(true))
                .body("localizedProfile.visionAndMotivation", equalTo("A city of learning"));
    }

    @Test
    void progressReportsFallDueTwoYearsAfterJoiningOrTheLastReport() {
        long id = Members.create(Members.unique("Osan"), "KR", 2019);
        given().get("/api/members/" + id).then().body("nextProgressReportDue", equalTo("2021-12-31"))
                .body("progressReportOverdue", equalTo(true));
        Assertions.assertTrue(overdueIds().contains(id));
        org.learningcities.testsupport.Api.as("sam", "secretariat").contentType("application/json")
                .body(Map.of("receivedOn", java.time.LocalDate.now().toString()))
                .post("/api/members/" + id + "/progress-reports").then().statusCode(201);
        given().get("/api/members/" + id + "/progress-reports").then()
                .body("nextDue", equalTo((java.time.LocalDate.now().getYear() + 2) + "-12-31"))
                .body("overdue", equalTo(false)).body("total", equalTo(1));
        Assertions.assertFalse(overdueIds().contains(id));
        org.learningcities.testsupport.Api.as("dana", "donor").get("/api/members/overdue-reports").then().statusCode(403);
    }

    /** Every page of the overdue list (the tests' own cities make it longer than one page). */
    private static List<Long> overdueIds() {
        List<Long> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            var answer = Api.as("sam", "secretariat").queryParam("size", 200).queryParam("page", page)
                    .get("/api/members/overdue-reports").then().statusCode(200).extract().jsonPath();
            ids.addAll(answer.getList("items.id", Long.class));
            if (ids.size() >= answer.getLong("total") || answer.getList("items").isEmpty()) {
                return ids;
            }
        }
    }

    @Test
    void unknownMemberIs404() {
        given().get("/api/members/987654321").then().statusCode(404).contentType("application/problem+json");
    }

    // ---- the directory is served from memory (MemberDirectory): it must answer what SQL over the same rows answers

    @Test
    void wordSearchInMemoryMatchesWhatMariaDbLikeMatches() throws SQLException {
        String tag = Members.unique("W").substring(2).toLowerCase();
        String[] names = {"Ærøskøbing", "Straße am See", "Łódź", "São Paulo", "Đà Nẵng", "Œiras", "Zürich", "El Alto",
                "L'Aquila", "Saint-Étienne", "ÅLESUND", "Çanakkale", "Ōsaka-shi", "Mönchengladbach", "Niš", "Ñuñoa", "Kraków Nowa Huta"};
        String[] locals = {null, null, null, null, "Đà Nẵng", null, "Zurich", null, null, null, null, null, "大阪市", null, "Ниш", null, null};
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            Map<String, Object> fields = new LinkedHashMap<>(Map.of("name", names[i] + " " + tag, "country", "FR", "yearJoined", 2016));
            if (locals[i] != null) {
                fields.put("localName", locals[i]);
            }
            ids.add(Members.create(fields));
        }
        String[] queries = {"aero", "ærø", "aer", "ærosk", "ærøsk", "stras", "straß", "strasse", "strase", "straße a", "lod", "łód", "sao p", "SÃO", "da", "da nang", "oei",
                "œi", "zur", "zü", "alto", "el a", "aquila", "l'a", "etienne", "saint-e", "saint-é", "ale", "can", "osaka", "ōsaka-",
                "大阪", "monchen", "mön", "nis", "ниш", "nun", "ñu", "nowa h", "huta", tag, "see " + tag, "a", "x"};
        List<String> disagreements = new ArrayList<>();
        for (String q : queries) {
            List<Long> fromSql = new ArrayList<>();
            try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement(
                    "SELECT id FROM member_city WHERE id IN (" + String.join(",", ids.stream().map(String::valueOf).toList())
                            + ") AND (name LIKE ? OR name LIKE ? OR local_name LIKE ? OR local_name LIKE ?) ORDER BY id")) {
                for (int p = 1; p <= 4; p += 2) {
                    select.setString(p, q + "%");
                    select.setString(p + 1, "% " + q + "%");
                }
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        fromSql.add(r.getLong(1));
                    }
                }
            }
            List<Long> fromApi = new ArrayList<>();
            for (Object id : given().queryParam("q", q).queryParam("size", 200).get("/api/members").then().statusCode(200)
                    .extract().jsonPath().getList("items.id")) {
                long value = ((Number) id).longValue();
                if (ids.contains(value)) {
                    fromApi.add(value);
                }
            }
            fromApi.sort(null);
            if (!fromSql.equals(fromApi)) {
                disagreements.add("q=" + q + ": SQL " + fromSql + ", API " + fromApi);
            }
        }
        Assertions.assertEquals(List.of(), disagreements, "cities " + ids);
    }

    @Test
    void sortOrdersAreTheDatabasesOrders() throws SQLException {
        String tag = Members.unique("S").substring(2);
        String[][] cities = {{"éa", "DE", "2019", ""}, {"Eb", "AT", "2016", "500"}, {"ea", "CH", "2019", "20"}, {"Ec", "BE", "2013", ""},
                {"EA", "FR", "2016", "20"}, {"ëd", "AT", "2022", "7"}};
        List<Long> ids = new ArrayList<>();
        for (String[] city : cities) {
            Map<String, Object> fields = new LinkedHashMap<>(Map.of("name", tag + " " + city[0], "country", city[1],
                    "yearJoined", Integer.parseInt(city[2])));
            if (!city[3].isEmpty()) {
                fields.put("population", Long.parseLong(city[3]));
            }
            ids.add(Members.create(fields));
        }
        Map<String, String> sorts = Map.of("name", "name", "-name", "name DESC", "population", "population",
                "-population", "population DESC", "country,-yearJoined", "country_iso2, year_joined DESC",
                "-yearJoined,name", "year_joined DESC, name");
        for (var sort : sorts.entrySet()) {
            List<Long> fromSql = new ArrayList<>();
            try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement(
                    "SELECT id FROM member_city WHERE id IN (" + String.join(",", ids.stream().map(String::valueOf).toList())
                            + ") ORDER BY " + sort.getValue() + ", id"); ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    fromSql.add(r.getLong(1));
                }
            }
            List<Long> fromApi = given().queryParam("q", tag).queryParam("sort", sort.getKey()).get("/api/members").then()
                    .statusCode(200).extract().jsonPath().getList("items.id", Long.class);
            Assertions.assertEquals(fromSql, fromApi, "sort=" + sort.getKey());
        }
    }

    @Test
    void theClusterFilterFollowsJoiningAndLeaving() {
        String secretariat = "sam";
        Number term = Api.as(secretariat, "secretariat").contentType("application/json")
                .body(Map.of("code", Members.unique("DT"), "startsOn", "2030-01-01", "endsOn", "2031-12-31"))
                .post("/api/cluster-terms").then().statusCode(201).extract().path("id");
        String name = Members.unique("Directory cluster");
        Number cluster = Api.as(secretariat, "secretariat").contentType("application/json")
                .body(Map.of("name", Map.of("en", name, "fr", name, "es", name), "description", Map.of("en", "About it"), "topics", List.of(2), "status", "ACTIVE"))
                .post("/api/clusters").then().statusCode(201).extract().path("id");
        long city = Members.create(Members.unique("Joiner"), "PT", 2018);
        String members = "/api/clusters/" + cluster + "/terms/" + term + "/members";
        given().queryParam("cluster", cluster).get("/api/members").then().body("total", equalTo(0));
        Api.as(secretariat, "secretariat").contentType("application/json")
                .body(Map.of("memberId", city, "joinedOn", "2030-02-01")).post(members).then().statusCode(201);
        given().queryParam("cluster", cluster).get("/api/members").then().body("items.id", contains((int) city));
        Api.as(secretariat, "secretariat").contentType("application/json").body(Map.of("leftOn", "2030-06-30"))
                .post(members + "/" + city + "/leave").then().statusCode(200);
        given().queryParam("cluster", cluster).get("/api/members").then().body("total", equalTo(0));
    }

    @Test
    void aChangeCommittedElsewhereShowsWithinTheRecheckInterval() throws Exception {
        // Another instance of the API (here: SQL, as it would commit) changes a city: this instance never hears of it
        // and must see it by its periodic check (1 s by default), in the list and in GET, whose cache holds the old one.
        long id = Members.create(Members.unique("Before"), "NO", 2017);
        given().get("/api/members/" + id).then().statusCode(200);
        String renamed = Members.unique("Renamed elsewhere");
        try (Connection c = database.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE member_city SET name = ?, version = version + 1 WHERE id = ?")) {
            update.setString(1, renamed);
            update.setLong(2, id);
            Assertions.assertEquals(1, update.executeUpdate());
        }
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (!renamed.equals(given().get("/api/members/" + id).then().extract().path("name")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        given().get("/api/members/" + id).then().body("name", equalTo(renamed)).header("ETag", equalTo("\"1\""));
        given().queryParam("q", renamed).get("/api/members").then().body("items.id", contains((int) id));
    }
}
