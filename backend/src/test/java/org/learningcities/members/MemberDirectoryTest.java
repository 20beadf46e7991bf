package org.learningcities.members;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.learningcities.testsupport.Api.given;
import static org.learningcities.testsupport.Api.givenBadRequest;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MemberDirectoryTest {

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
        org.learningcities.testsupport.Api.as("sam", "secretariat").get("/api/members/overdue-reports?size=200")
                .then().statusCode(200).body("items.id", hasItem((int) id));
        org.learningcities.testsupport.Api.as("sam", "secretariat").contentType("application/json")
                .body(Map.of("receivedOn", java.time.LocalDate.now().toString()))
                .post("/api/members/" + id + "/progress-reports").then().statusCode(201);
        given().get("/api/members/" + id + "/progress-reports").then()
                .body("nextDue", equalTo((java.time.LocalDate.now().getYear() + 2) + "-12-31"))
                .body("overdue", equalTo(false)).body("total", equalTo(1));
        org.learningcities.testsupport.Api.as("sam", "secretariat").get("/api/members/overdue-reports?size=200")
                .then().body("items.id", not(hasItem((int) id)));
        org.learningcities.testsupport.Api.as("dana", "donor").get("/api/members/overdue-reports").then().statusCode(403);
    }

    @Test
    void unknownMemberIs404() {
        given().get("/api/members/987654321").then().statusCode(404).contentType("application/problem+json");
    }
}
