package org.learningcities.toolkits;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;
import static org.learningcities.toolkits.Toolkits.resource;
import static org.learningcities.toolkits.Toolkits.resourceJson;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MultilingualSearchTest {

    /** A made-up word no other test uses, so searches see only this test's content. */
    private static String word() {
        // Letters only (digits shifted to g..p), always 8 of them: dropping the digits left fewer at times.
        StringBuilder word = new StringBuilder("zq");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            word.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return word.toString();
    }

    @Test
    void aReadInAMissingLanguageFallsBackToTheOriginalAndSaysWhich() {
        long id = resource(resourceJson("GUIDE", "en", "\"en\":\"Local network guide\",\"fr\":\"Guide du réseau local\"",
                "\"summary\":{\"en\":\"How to start\"},\"licence\":\"CC-BY-SA-4.0\""));
        given().header("Accept-Language", "fr-CH, fr;q=0.9").get("/api/resources/" + id)
                .then().statusCode(200).header("Content-Language", "fr-CH")
                .body("title", equalTo("Guide du réseau local"))
                .body("summary", equalTo("How to start"))
                .body("fallbackFields", contains("summary"))
                .body("languages", contains("en", "fr"))
                .body("translations.title.fr", equalTo("Guide du réseau local"));
        given().queryParam("lang", "nl").get("/api/resources/" + id)
                .then().statusCode(200).header("Content-Language", "nl")
                .body("title", equalTo("Local network guide"))
                .body("fallbackFields", contains("title", "summary"));
        given().queryParam("lang", "en").get("/api/resources/" + id).then().body("fallbackFields", empty());
    }

    @Test
    void badTagsLicencesAndMissingOriginalTitlesAre422AndStoreNothing() {
        Toolkits.secretariat().body(resourceJson("GUIDE", "en", "\"fr\":\"Seulement en français\"", null))
                .post("/api/resources").then().statusCode(422);
        Toolkits.secretariat().body(resourceJson("GUIDE", "en", "\"en\":\"x\",\"not a tag\":\"y\"", null))
                .post("/api/resources").then().statusCode(422);
        Toolkits.secretariat().body(resourceJson("GUIDE", "en", "\"en\":\"x\"", "\"licence\":\"CC-BY-5.0\""))
                .post("/api/resources").then().statusCode(422);
        Toolkits.secretariat().body(resourceJson("GUIDE", "en", "\"en\":\"x\"", "\"licence\":\"LicenseRef-All-rights-reserved\""))
                .post("/api/resources").then().statusCode(201);
        as("fp", "focal-point").contentType("application/json").body(resourceJson("GUIDE", "en", "\"en\":\"x\"", null))
                .post("/api/resources").then().statusCode(403);
    }

    @Test
    void aFrenchOrSpanishWordFindsAResourceThroughItsTranslationIgnoringAccentsAndCase() {
        String w = word();
        long id = resource(resourceJson("REPORT", "en", "\"en\":\"Dropout " + w + " report\",\"fr\":\"Rapport " + w + " décrochage scolaire\","
                + "\"es\":\"Informe " + w + " abandono escolar\"", "\"targetGroups\":[\"NEET\"],\"topics\":[10]"));
        var fr = given().queryParam("q", "DECROCHAGE " + w).get("/api/search").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(id), fr.getList("items.id", Long.class));
        assertEquals("fr", fr.getString("items[0].language"));
        assertEquals("Rapport " + w + " décrochage scolaire", fr.getString("items[0].title"));
        assertTrue(fr.getList("items[0].snippet.findAll { it.match }.text", String.class).contains("décrochage"));
        given().queryParam("q", "abandono " + w).queryParam("language", "es").get("/api/search")
                .then().statusCode(200).body("items.id", contains((int) id)).body("items[0].language", equalTo("es"));
        given().queryParam("q", "abandono " + w).queryParam("language", "fr").get("/api/search")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void titleMatchesRankFirstAndFiltersNarrowByKindTopicAndTargetGroup() {
        String w = word();
        long inSummary = resource(resourceJson("GUIDE", "en", "\"en\":\"Mentoring volunteers\"",
                "\"summary\":{\"en\":\"About " + w + " in passing\"},\"targetGroups\":[\"VOLUNTEERS\"],\"topics\":[7]"));
        long inTitle = resource(resourceJson("VIDEO", "en", "\"en\":\"The " + w + " video\"", "\"targetGroups\":[\"NEET\"],\"topics\":[10]"));
        long toolkit = Toolkits.secretariat().body("{\"originalLanguage\":\"en\",\"title\":{\"en\":\"Toolkit " + w + "\"},"
                        + "\"sections\":[{\"title\":{\"en\":\"All\"},\"resourceIds\":[" + inSummary + "," + inTitle + "]}]}")
                .post("/api/toolkits").then().statusCode(201).extract().jsonPath().getLong("id");

        var all = given().queryParam("q", w).get("/api/search").then().statusCode(200).extract().jsonPath();
        assertEquals(3, all.getInt("total"));
        assertEquals(inSummary, all.getLong("items[2].id"), "a match only in the summary ranks below title matches");
        given().queryParam("q", w).queryParam("kind", "TOOLKIT").get("/api/search")
                .then().body("items.id", contains((int) toolkit)).body("items.kind", everyItem(equalTo("TOOLKIT")));
        given().queryParam("q", w).queryParam("targetGroup", "VOLUNTEERS").get("/api/search").then().body("items.id", contains((int) inSummary));
        given().queryParam("q", w).queryParam("topic", 10).get("/api/search").then().body("items.id", contains((int) inTitle));
        given().queryParam("q", w).queryParam("size", 1).queryParam("page", 2).get("/api/search")
                .then().body("total", equalTo(3)).body("items.id", contains(all.getInt("items[1].id")));
        given().queryParam("q", "a").get("/api/search").then().statusCode(400);
        org.learningcities.testsupport.Api.givenBadRequest().queryParam("q", w).queryParam("kind", "PLANET").get("/api/search").then().statusCode(400);

        given().get("/api/toolkits/" + toolkit).then().statusCode(200)
                .body("sections[0].resources.id", contains((int) inSummary, (int) inTitle));
    }

    @Test
    void theSecretariatSeesWhatLacksATranslation() {
        String w = word();
        long id = resource(resourceJson("GUIDE", "en", "\"en\":\"Only English " + w + "\",\"es\":\"Solo " + w + "\"", null));
        var status = as("sam", "secretariat").queryParam("kind", "RESOURCE").queryParam("language", "fr").queryParam("size", 200)
                .get("/api/translation-status").then().statusCode(200).extract().jsonPath();
        int at = status.getList("items.id", Long.class).indexOf(id);
        assertTrue(at >= 0 || status.getInt("total") > 200);
        if (at >= 0) {
            assertEquals(List.of("fr"), status.getList("items[" + at + "].missing"));
        }
        as("fp", "focal-point").get("/api/translation-status").then().statusCode(403);
    }
}
