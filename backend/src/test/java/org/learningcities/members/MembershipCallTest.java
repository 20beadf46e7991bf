package org.learningcities.members;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.learningcities.testsupport.Api;

@QuarkusTest
class MembershipCallTest {

    private final String title = "Call " + UUID.randomUUID();

    static String callBody(String title, LocalDate opensOn, LocalDate closesOn) {
        return "{\"title\":\"" + title + "\",\"opensOn\":\"" + opensOn + "\",\"closesOn\":\"" + closesOn + "\"}";
    }

    /** A call opened by the secretariat; its id. */
    static long createCall(String title, LocalDate opensOn, LocalDate closesOn) {
        return as("sam", "secretariat").contentType("application/json").body(callBody(title, opensOn, closesOn))
                .post("/api/membership-calls").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void theSecretariatOpensACallAndEveryoneSeesWhetherItIsOpenToday() {
        LocalDate today = LocalDate.now();
        long open = as("sam", "secretariat").contentType("application/json")
                .body(callBody(title + " open", today, today)).post("/api/membership-calls")
                .then().statusCode(201)
                .header("Location", containsString("/api/membership-calls/"))
                .body("open", equalTo(true)).body("applications", equalTo(0))
                .extract().jsonPath().getLong("id");
        long closed = createCall(title + " closed", today.minusDays(30), today.minusDays(1));
        long later = createCall(title + " later", today.plusDays(1), today.plusDays(60));

        given().get("/api/membership-calls/" + open).then().statusCode(200)
                .body("title", equalTo(title + " open")).body("opensOn", equalTo(today.toString())).body("open", equalTo(true));
        given().get("/api/membership-calls/" + closed).then().body("open", equalTo(false));
        given().get("/api/membership-calls/" + later).then().body("open", equalTo(false));

        // Newest first.
        List<Long> ids = given().queryParam("size", 200).get("/api/membership-calls")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
        assertTrue(ids.indexOf(later) < ids.indexOf(open) && ids.indexOf(open) < ids.indexOf(closed), ids.toString());
        given().get("/api/membership-calls/999999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aCallClosesOnOrAfterItOpens() {
        LocalDate day = LocalDate.of(2030, 3, 1);
        as("sam", "secretariat").contentType("application/json").body(callBody(title, day, day.minusDays(1)))
                .post("/api/membership-calls")
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("closesOn"));
        Api.givenBadRequest().header("Authorization", "Bearer " + org.learningcities.testsupport.Tokens.forUser("sam", "secretariat"))
                .contentType("application/json").body("{\"title\":\"\",\"opensOn\":\"2030-03-01\"}").post("/api/membership-calls")
                .then().statusCode(422).body("errors.field", org.hamcrest.Matchers.contains("closesOn", "title"));
    }

    @Test
    void onlyTheSecretariatOpensCalls() {
        String body = callBody(title, LocalDate.of(2030, 1, 1), LocalDate.of(2030, 2, 1));
        Api.givenBadRequest().contentType("application/json").body(body).post("/api/membership-calls").then().statusCode(401);
        as("femi", "focal-point").contentType("application/json").body(body).post("/api/membership-calls").then().statusCode(403);
    }
}
