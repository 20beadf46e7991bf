package org.learningcities.common;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.learningcities.testsupport.Api;
import org.learningcities.testsupport.Tokens;

/** Bearer tokens are checked for signature, expiry and audience; roles come from realm_access.roles. */
@QuarkusTest
class AccountTest {

    @Test
    void aValidTokenShowsWhoTheCallerIs() {
        Api.given().header("Authorization", "Bearer " + Tokens.forUser("sam", "secretariat", "offline_access")).get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo("sam"))
                .body("name", equalTo("Test sam"))
                .body("email", equalTo("sam@example.org"))
                .body("roles", contains("secretariat"));
    }

    @Test
    void noTokenIs401() {
        Api.givenBadRequest().get("/api/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        Api.given().header("Authorization", "Bearer " + Tokens.signed("sam", "some-other-api", 300, "secretariat")).get("/api/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anExpiredOrForgedTokenIs401() {
        Api.given().header("Authorization", "Bearer " + Tokens.signed("sam", Tokens.AUDIENCE, -600, "secretariat")).get("/api/me")
                .then().statusCode(401);
        String token = Tokens.forUser("sam", "secretariat");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        Api.given().header("Authorization", "Bearer " + forged).get("/api/me").then().statusCode(401);
        Api.given().header("Authorization", "Bearer not-a-jwt").get("/api/me").then().statusCode(401);
    }

    @Test
    void theSpaLearnsHowToLogIn() {
        Api.given().get("/api/client-config").then().statusCode(200)
                .body("realm", equalTo("learning-cities"))
                .body("clientId", equalTo("learning-cities-spa"))
                .body("languages", contains("en", "fr", "es"));
    }

    @Test
    void healthAndMetricsAreServed() {
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("http_server_requests"));
    }
}
