package org.learningcities.reference;

import static org.hamcrest.Matchers.equalTo;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CountryCorrectionTest {

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<ReferenceCache.Changed> referenceChanged;

    @org.junit.jupiter.api.AfterEach
    void restoreMalta() {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            Country.update("unescoRegion = 'EUROPE_NORTH_AMERICA' where iso2 = 'MT'");
            referenceChanged.fire(new ReferenceCache.Changed());
        });
    }

    private static final String BODY = "{\"unescoRegion\":\"ARAB_STATES\"}";

    @Test
    void theSecretariatCorrectsARegionWithTheCurrentEtagAndGetsTheNewOne() {
        Number valletta = as("sam", "secretariat").contentType("application/json")
                .body(java.util.Map.of("name", "Valletta " + java.util.UUID.randomUUID(), "country", "MT", "yearJoined", 2020))
                .post("/api/members").then().statusCode(201).body("unescoRegion.code", equalTo("EUROPE_NORTH_AMERICA"))
                .extract().path("id");
        String etag = given().get("/api/reference/countries/MT").then().statusCode(200).extract().header("ETag");
        String newEtag = as("sam", "secretariat").contentType("application/json").header("If-Match", etag).body(BODY)
                .patch("/api/reference/countries/MT")
                .then().statusCode(200)
                .body("unescoRegion.code", equalTo("ARAB_STATES"))
                .extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(etag, newEtag);
        given().get("/api/reference/countries/MT").then().header("ETag", newEtag).body("unescoRegion.code", equalTo("ARAB_STATES"));
        // Lists that show countries (cached reference data) see the correction at once.
        given().get("/api/members/" + valletta).then().body("unescoRegion.code", equalTo("ARAB_STATES"));

        // A second writer still holding the old ETag changes nothing.
        as("sam", "secretariat").contentType("application/json").header("If-Match", etag)
                .body("{\"unescoRegion\":\"AFRICA\"}").patch("/api/reference/countries/MT")
                .then().statusCode(412).contentType("application/problem+json");
        given().get("/api/reference/countries/MT").then().body("unescoRegion.code", equalTo("ARAB_STATES"));

        as("sam", "secretariat").contentType("application/json").header("If-Match", newEtag)
                .body("{\"unescoRegion\":\"EUROPE_NORTH_AMERICA\"}").patch("/api/reference/countries/MT")
                .then().statusCode(200).body("unescoRegion.code", equalTo("EUROPE_NORTH_AMERICA"));
    }

    @Test
    void anUpdateWithoutIfMatchIsRefusedWith428() {
        as("sam", "secretariat").contentType("application/json").body(BODY).patch("/api/reference/countries/MT")
                .then().statusCode(428).contentType("application/problem+json");
    }

    @Test
    void onlyTheSecretariatMayCorrect() {
        org.learningcities.testsupport.Api.givenBadRequest().contentType("application/json").header("If-Match", "\"0\"").body(BODY)
                .patch("/api/reference/countries/MT")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        as("femi", "focal-point").contentType("application/json").header("If-Match", "\"0\"").body(BODY)
                .patch("/api/reference/countries/MT")
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/api/reference/countries/MT").then().body("unescoRegion.code", equalTo("EUROPE_NORTH_AMERICA"));
    }

    @Test
    void unknownCountryIs404() {
        as("sam", "secretariat").contentType("application/json").header("If-Match", "\"0\"").body(BODY)
                .patch("/api/reference/countries/XX")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
