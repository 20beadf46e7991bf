package org.learningcities.members;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;
import static org.learningcities.testsupport.Api.givenBadRequest;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MemberEditingTest {

    private static final Map<String, Object> PROFILE = Map.of("population", 1200000,
            "languages", List.of("fr", "en"), "topics", List.of(4, 6),
            "profile", Map.of("fr", Map.of("visionAndMotivation", "Apprendre à tout âge")));

    @Test
    void aFocalPointEditsTheProfileOfTheirOwnCityAndNoOther() {
        long own = Members.create(Members.unique("Lyon"), "FR", 2018);
        long other = Members.create(Members.unique("Nantes"), "FR", 2018);
        Members.linkFocalPoint(own, "femi");

        as("femi", "focal-point").contentType("application/json").header("If-Match", Members.etag(own)).body(PROFILE)
                .put("/api/members/" + own + "/profile").then().statusCode(200)
                .body("population", equalTo(1200000)).body("topics", contains(4, 6))
                .body("profile.fr.visionAndMotivation", equalTo("Apprendre à tout âge"));
        as("femi", "focal-point").contentType("application/json").header("If-Match", Members.etag(other)).body(PROFILE)
                .put("/api/members/" + other + "/profile").then().statusCode(403);
        given().get("/api/members/" + other).then().body("population", equalTo(null));

        // The record itself (name, country, year joined) stays with the secretariat.
        as("femi", "focal-point").contentType("application/json").header("If-Match", Members.etag(own))
                .body(Map.of("name", "Renamed", "country", "FR", "yearJoined", 2018))
                .put("/api/members/" + own).then().statusCode(403);
        as("femi", "focal-point").get("/api/me/cities").then().statusCode(200).body("items.id", contains((int) own));
    }

    @Test
    void aStaleVersionChangesNothing() {
        long id = Members.create(Members.unique("Turin"), "IT", 2016);
        String etag = Members.etag(id);
        as("sam", "secretariat").contentType("application/json").header("If-Match", etag)
                .body(Map.of("name", "Turin updated " + id, "country", "IT", "yearJoined", 2016))
                .put("/api/members/" + id).then().statusCode(200);
        as("sam", "secretariat").contentType("application/json").header("If-Match", etag)
                .body(Map.of("name", "Turin lost update " + id, "country", "IT", "yearJoined", 2016))
                .put("/api/members/" + id).then().statusCode(412);
        as("sam", "secretariat").contentType("application/json").body(PROFILE)
                .put("/api/members/" + id + "/profile").then().statusCode(428);
        given().get("/api/members/" + id).then().body("name", equalTo("Turin updated " + id));
    }

    @Test
    void writesNeedATokenAndTheRightRole() {
        givenBadRequest().contentType("application/json").body(Map.of("name", "X", "country", "IT", "yearJoined", 2016))
                .post("/api/members").then().statusCode(401).contentType("application/problem+json");
        as("cora", "coordinator").contentType("application/json").body(Map.of("name", "X", "country", "IT", "yearJoined", 2016))
                .post("/api/members").then().statusCode(403);
    }

    @Test
    void invalidRecordsAre422WithTheFieldsAtFault() {
        givenBadRequest().header("Authorization", "Bearer " + org.learningcities.testsupport.Tokens.forUser("sam", "secretariat"))
                .contentType("application/json")
                .body(Map.of("name", "", "country", "XX", "yearJoined", 2016, "latitude", 95, "topics", List.of(13),
                        "profile", Map.of("fr", Map.of("visionAndMotivation", "x".repeat(10001)))))
                .post("/api/members").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItems("name", "latitude", "topics[0]",
                        "profile.fr.visionAndMotivation"));
        as("sam", "secretariat").contentType("application/json").body(Map.of("name", Members.unique("Y"), "country", "XX", "yearJoined", 2016))
                .post("/api/members").then().statusCode(422).body("errors[0].field", equalTo("country"));
        String name = Members.unique("Dup");
        Members.create(name, "DE", 2016);
        as("sam", "secretariat").contentType("application/json").body(Map.of("name", name, "country", "DE", "yearJoined", 2017))
                .post("/api/members").then().statusCode(409);
    }

    @Test
    void focalPointsArePrivateAndOnlyTheSecretariatLinksALogin() {
        long id = Members.create(Members.unique("Cork"), "IE", 2015);
        Members.linkFocalPoint(id, "fiona");
        givenBadRequest().get("/api/members/" + id + "/focal-points").then().statusCode(401);
        as("femi", "focal-point").get("/api/members/" + id + "/focal-points").then().statusCode(403);
        as("fiona", "focal-point").get("/api/members/" + id + "/focal-points").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].username", equalTo("fiona"));

        // A focal point adds a colleague, but cannot hand the city to another login.
        as("fiona", "focal-point").contentType("application/json")
                .body(Map.of("name", "Colleague", "email", "colleague@example.org"))
                .post("/api/members/" + id + "/focal-points").then().statusCode(201);
        as("fiona", "focal-point").contentType("application/json")
                .body(Map.of("name", "Intruder", "email", "i@example.org", "username", "intruder"))
                .post("/api/members/" + id + "/focal-points").then().statusCode(403);
        Number colleague = as("fiona", "focal-point").get("/api/members/" + id + "/focal-points")
                .then().body("items", hasSize(2)).extract().path("items[1].id");
        String etag = as("fiona", "focal-point").get("/api/members/" + id + "/focal-points")
                .then().extract().path("items[1].version").toString();
        as("fiona", "focal-point").contentType("application/json").header("If-Match", "\"" + etag + "\"")
                .body(Map.of("name", "Colleague", "email", "colleague@example.org", "phone", "+353 21 000"))
                .put("/api/members/" + id + "/focal-points/" + colleague).then().statusCode(200)
                .body("phone", equalTo("+353 21 000"));
        as("fiona", "focal-point").delete("/api/members/" + id + "/focal-points/" + colleague).then().statusCode(204);
        // The public reads the city, never the people.
        given().get("/api/members/" + id).then().statusCode(200).body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("focalPoints")));
    }

    @Test
    void statusChangesAreActionsWithAHistory() {
        long id = Members.create(Members.unique("Larissa"), "GR", 2016);
        as("sam", "secretariat").contentType("application/json")
                .body(Map.of("action", "SUSPEND", "date", "2026-01-10", "reason", "No report for four years"))
                .post("/api/members/" + id + "/status-changes").then().statusCode(201)
                .body("fromStatus", equalTo("MEMBER")).body("toStatus", equalTo("SUSPENDED")).body("recordedBy", equalTo("sam"));
        as("sam", "secretariat").contentType("application/json")
                .body(Map.of("action", "SUSPEND", "date", "2026-01-11", "reason", "Again"))
                .post("/api/members/" + id + "/status-changes").then().statusCode(409);
        as("sam", "secretariat").contentType("application/json")
                .body(Map.of("action", "REINSTATE", "date", "2026-06-01", "reason", "Report received"))
                .post("/api/members/" + id + "/status-changes").then().statusCode(201);
        as("femi", "focal-point").contentType("application/json")
                .body(Map.of("action", "WITHDRAW", "date", "2026-06-01", "reason", "x"))
                .post("/api/members/" + id + "/status-changes").then().statusCode(403);
        given().get("/api/members/" + id + "/status-changes").then().statusCode(200)
                .body("items.toStatus", contains("MEMBER", "SUSPENDED", "MEMBER"))
                .body("items[1].reason", equalTo("No report for four years"));
        given().get("/api/members/" + id).then().body("status", equalTo("MEMBER"));
    }
}
