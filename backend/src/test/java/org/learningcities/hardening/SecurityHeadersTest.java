package org.learningcities.hardening;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.learningcities.testsupport.Tokens;

/** Every kind of answer carries the browser protections; the SPA's policy names the configured Keycloak. */
@QuarkusTest
class SecurityHeadersTest {

    private static ValidatableResponse hardened(ValidatableResponse response, String frameOptions) {
        return response.header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("same-origin"))
                .header("X-Frame-Options", equalTo(frameOptions));
    }

    @Test
    void apiAnswersMayNotBeFramedOrLoadAnything() {
        hardened(RestAssured.given().get("/api/reference/topics").then().statusCode(200), "DENY")
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"));
        hardened(RestAssured.given().header("Authorization", "Bearer " + Tokens.forUser("sam", "secretariat"))
                        .get("/api/me").then().statusCode(200), "DENY")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void problemsCarryTheHeadersToo() {
        hardened(RestAssured.given().get("/api/no-such-thing").then().statusCode(404), "DENY")
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"));
        hardened(RestAssured.given().get("/api/me").then().statusCode(401), "DENY");
        hardened(RestAssured.given().get("/api/members/abc").then().statusCode(400), "DENY");
    }

    @Test
    void anOversizedBodyRefusedBeforeTheResourceCarriesThemToo() throws Exception {
        String answer = RawHttp.announceBody(RestAssured.port, "POST", "/api/members/import", "text/csv",
                31L * 1024 * 1024, Tokens.forUser("sam", "secretariat"));
        org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        org.junit.jupiter.api.Assertions.assertTrue(answer.toLowerCase().contains("x-content-type-options: nosniff"), answer);
        org.junit.jupiter.api.Assertions.assertTrue(answer.toLowerCase().contains("x-frame-options: deny"), answer);
    }

    @Test
    void theSpaRunsOnlyItsOwnScriptsAndTalksToTheApiAndKeycloak() {
        // Whether or not the SPA is built into this test run, its paths get the SPA's policy.
        for (String path : new String[] {"/", "/members/12", "/assets/index.js"}) {
            hardened(RestAssured.given().accept("text/html").get(path).then(), "DENY")
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("style-src 'self';"))
                    .header("Content-Security-Policy", containsString("connect-src 'self' http://localhost:8180;"))
                    .header("Content-Security-Policy", containsString("frame-src 'self' http://localhost:8180;"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")));
        }
        // keycloak-js frames this page from the SPA itself.
        hardened(RestAssured.given().get("/silent-check-sso.html").then(), "SAMEORIGIN")
                .header("Content-Security-Policy", containsString("frame-ancestors 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")));
    }

    @Test
    void swaggerUiKeepsWorkingUnderItsOwnPolicy() {
        hardened(RestAssured.given().get("/q/swagger-ui/").then().statusCode(200), "DENY")
                .header("Content-Security-Policy", containsString("script-src 'self' 'unsafe-inline'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        hardened(RestAssured.given().get("/q/openapi").then().statusCode(200), "DENY")
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"));
    }
}
