package org.learningcities.members;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.learningcities.testsupport.Api;

@QuarkusTest
class OrganisationTest {

    /** A word no other test's data starts with, so q finds only this test's organisations. */
    private final String token = "Org" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private static RequestSpecification secretariat() {
        return as("sam", "secretariat").contentType("application/json");
    }

    private String body(String name, String kind, String country, String extra) {
        return "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\""
                + (country == null ? "" : ",\"country\":\"" + country + "\"") + (extra == null ? "" : "," + extra) + "}";
    }

    private long create(String name, String kind, String country, String extra) {
        return secretariat().body(body(name, kind, country, extra)).post("/api/organisations")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void theSecretariatAddsAnOrganisationAndOnlyTheSecretariatSeesItsContacts() {
        String contacts = "\"website\":\"https://uil.example.org\",\"contacts\":[{\"name\":\"Ada Ncube\",\"role\":\"Programme officer\","
                + "\"email\":\"ada@uil.example.org\",\"phone\":\"+49 40 1234\"},{\"name\":\"Ben Ortiz\"}]";
        var created = secretariat().body(body(token + " Institute for Lifelong Learning", "INTERNATIONAL_ORGANISATION", "DE", contacts))
                .post("/api/organisations")
                .then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .header("Location", containsString("/api/organisations/"))
                .body("kind", equalTo("INTERNATIONAL_ORGANISATION"))
                .body("country.iso2", equalTo("DE"))
                .body("contacts.name", contains("Ada Ncube", "Ben Ortiz"))
                .extract();
        long id = created.jsonPath().getLong("id");

        given().get("/api/organisations/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("name", equalTo(token + " Institute for Lifelong Learning"))
                .body("website", equalTo("https://uil.example.org"))
                .body("$", not(hasKey("contacts")));
        as("femi", "focal-point").get("/api/organisations/" + id).then().statusCode(200).body("$", not(hasKey("contacts")));
        as("sam", "secretariat").get("/api/organisations/" + id)
                .then().statusCode(200).body("contacts[0].email", equalTo("ada@uil.example.org"));
        given().queryParam("q", token).get("/api/organisations")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0]", not(hasKey("contacts")));

        // The public CSV leaves the contact columns empty.
        String csv = given().accept("text/csv").queryParam("q", token).get("/api/organisations")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertEquals("externalId,name,kind,country,website,contactName,contactRole,contactEmail,contactPhone\r\n"
                + "," + token + " Institute for Lifelong Learning,INTERNATIONAL_ORGANISATION,DE,https://uil.example.org,,,,\r\n", csv);
        String secretariatCsv = as("sam", "secretariat").accept("text/csv").queryParam("q", token).get("/api/organisations")
                .then().statusCode(200).extract().asString();
        assertEquals(true, secretariatCsv.contains(",Ada Ncube,Programme officer,ada@uil.example.org,+49 40 1234\r\n"), secretariatCsv);
    }

    @Test
    void theListFiltersByWordPrefixKindAndCountrySortsAndNamesCountriesInTheChosenLanguage() {
        create(token + " Université Populaire", "UNIVERSITY", "FR", null);
        create("Fondation " + token, "FOUNDATION", "DE", null);
        create(token + " Global Alliance", "NGO", null, null);

        given().queryParam("q", token.toLowerCase()).get("/api/organisations")
                .then().statusCode(200).body("total", equalTo(3))
                .body("items.name", contains("Fondation " + token, token + " Global Alliance", token + " Université Populaire"));
        given().queryParam("q", token + " univ").get("/api/organisations").then().body("total", equalTo(1));
        given().queryParam("q", token).queryParam("kind", "FOUNDATION").get("/api/organisations")
                .then().body("items.name", contains("Fondation " + token));
        given().queryParam("q", token).queryParam("country", "fr").get("/api/organisations")
                .then().body("items.name", contains(token + " Université Populaire"));
        given().queryParam("q", token).queryParam("sort", "-kind").get("/api/organisations")
                .then().body("items.kind", contains("UNIVERSITY", "NGO", "FOUNDATION"));
        given().queryParam("q", token).queryParam("country", "DE").queryParam("lang", "fr").get("/api/organisations")
                .then().header("Content-Language", "fr").body("items[0].country.name", equalTo("Allemagne"));
        Api.givenBadRequest().queryParam("q", token).queryParam("kind", "CHARITY").get("/api/organisations")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().queryParam("q", token).queryParam("sort", "website").get("/api/organisations")
                .then().statusCode(400).body("errors[0].field", equalTo("sort"));
        // An international organisation has no country.
        given().queryParam("q", token).queryParam("kind", "NGO").get("/api/organisations")
                .then().body("items[0].country", nullValue());
    }

    @Test
    void anUpdateNeedsTheCurrentEtag() {
        long id = create(token + " Skills Centre", "SKILLS_CENTRE", "BE", null);
        String etag = given().get("/api/organisations/" + id).then().extract().header("ETag");
        String update = body(token + " Skills Centre Brussels", "SKILLS_CENTRE", "BE",
                "\"externalId\":\"" + token + "-1\",\"contacts\":[{\"name\":\"Chloé Dubois\"}]");

        secretariat().body(update).put("/api/organisations/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        String newEtag = secretariat().header("If-Match", etag).body(update).put("/api/organisations/" + id)
                .then().statusCode(200)
                .body("name", equalTo(token + " Skills Centre Brussels"))
                .body("externalId", equalTo(token + "-1"))
                .body("contacts.name", contains("Chloé Dubois"))
                .extract().header("ETag");
        assertNotEquals(etag, newEtag);
        secretariat().header("If-Match", etag).body(body(token + " Stale", "OTHER", null, null)).put("/api/organisations/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        given().get("/api/organisations/" + id).then().header("ETag", newEtag).body("name", equalTo(token + " Skills Centre Brussels"));
        secretariat().header("If-Match", newEtag).body(update).put("/api/organisations/999999999")
                .then().statusCode(404);
    }

    @Test
    void onlyTheSecretariatWrites() {
        long id = create(token + " Employment Service", "PUBLIC_EMPLOYMENT_SERVICE", "AT", null);
        String payload = body(token + " Other", "OTHER", null, null);
        Api.givenBadRequest().contentType("application/json").body(payload).post("/api/organisations")
                .then().statusCode(401).contentType("application/problem+json");
        as("femi", "focal-point").contentType("application/json").body(payload).post("/api/organisations")
                .then().statusCode(403).contentType("application/problem+json");
        Api.givenBadRequest().contentType("application/json").header("If-Match", "\"0\"").body(payload).put("/api/organisations/" + id)
                .then().statusCode(401);
        as("dana", "donor").contentType("application/json").header("If-Match", "\"0\"").body(payload).put("/api/organisations/" + id)
                .then().statusCode(403);
        given().queryParam("q", token).get("/api/organisations").then().body("total", equalTo(1));
    }

    @Test
    void duplicatesAreConflictsAndUnknownCountriesAreRefused() {
        create(token + " Foundation", "FOUNDATION", "KE", "\"externalId\":\"" + token + "-F\"");
        secretariat().body(body(token + " foundation", "NGO", "KE", null)).post("/api/organisations")
                .then().statusCode(409).contentType("application/problem+json");
        secretariat().body(body(token + " Other", "NGO", "KE", "\"externalId\":\"" + token + "-F\"")).post("/api/organisations")
                .then().statusCode(409);
        create(token + " Foundation", "FOUNDATION", "UG", null); // the same name in another country is another organisation
        create(token + " Network", "NGO", null, null);
        secretariat().body(body(token + " Network", "NGO", null, null)).post("/api/organisations")
                .then().statusCode(409);
        secretariat().body(body(token + " Nowhere", "NGO", "XX", null)).post("/api/organisations")
                .then().statusCode(422).body("errors[0].field", equalTo("country"));
        Api.givenBadRequest().header("Authorization", "Bearer " + org.learningcities.testsupport.Tokens.forUser("sam", "secretariat"))
                .contentType("application/json").body("{\"name\":\"\",\"kind\":\"NGO\",\"website\":\"ftp://x\"}").post("/api/organisations")
                .then().statusCode(422).body("errors.field", contains("name", "website"));
        given().queryParam("q", token).get("/api/organisations").then().body("total", equalTo(3));
    }
}
