package org.learningcities.common;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.learningcities.testsupport.Api;
import org.learningcities.testsupport.Tokens;

/**
 * Every kind of client error, and an unexpected server failure, answers RFC 9457 problem+json:
 * type, title, status, detail, instance; never a stack trace or a class name.
 */
@QuarkusTest
class ProblemResponsesTest {

    private static final String COUNTRY = "/api/reference/countries/MT";

    private static ValidatableResponse isProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", containsString("/problems/"))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("instance", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("org.learningcities")))
                .body(not(containsString("\tat ")));
    }

    private static io.restassured.specification.RequestSpecification secretariat() {
        return Api.givenBadRequest().header("Authorization", "Bearer " + Tokens.forUser("sam", "secretariat"))
                .contentType("application/json").header("If-Match", "\"0\"");
    }

    @Test
    void malformedJsonIs400() {
        isProblem(secretariat().body("{\"unescoRegion\": ").patch(COUNTRY).then(), 400);
    }

    @Test
    void aWrongTypeIs400NamingTheField() {
        isProblem(secretariat().body("{\"unescoRegion\": 5}").patch(COUNTRY).then(), 400)
                .body("errors[0].field", equalTo("unescoRegion"));
        isProblem(secretariat().body("{\"unescoRegion\": \"MARS\"}").patch(COUNTRY).then(), 400)
                .body("errors[0].field", equalTo("unescoRegion"))
                .body("detail", containsString("AFRICA"));
    }

    @Test
    void anUnknownPropertyIs400() {
        isProblem(secretariat().body("{\"unescoRegion\": \"AFRICA\", \"colour\": \"red\"}").patch(COUNTRY).then(), 400)
                .body("errors[0].field", equalTo("colour"));
    }

    @Test
    void aMissingRequiredFieldIs422() {
        isProblem(secretariat().body("{}").patch(COUNTRY).then(), 422)
                .body("errors[0].field", equalTo("unescoRegion"));
    }

    @Test
    void unauthenticatedWritesAre401AndForbiddenRolesAre403() {
        isProblem(Api.givenBadRequest().contentType("application/json").body("{}").patch(COUNTRY).then(), 401);
        isProblem(Api.givenBadRequest().header("Authorization", "Bearer " + Tokens.forUser("dana", "donor")).contentType("application/json")
                .header("If-Match", "\"0\"").body("{\"unescoRegion\":\"AFRICA\"}").patch(COUNTRY).then(), 403);
    }

    @Test
    void unknownPathsAre404() {
        isProblem(RestAssured.given().get("/api/no-such-thing").then(), 404);
    }

    @Test
    void aParameterOfTheWrongTypeIs400() {
        isProblem(Api.givenBadRequest().get("/api/members/abc").then(), 400);
        isProblem(Api.givenBadRequest().queryParam("joinedFrom", "soon").get("/api/members").then(), 400);
    }

    @Test
    void aMethodThePathDoesNotHaveIs405() {
        isProblem(RestAssured.given().delete("/api/reference/topics").then(), 405);
    }

    @Test
    void anUnproducibleMediaTypeIs406() {
        isProblem(RestAssured.given().accept("application/xml").get("/api/reference/topics").then(), 406);
    }

    @Test
    void aWrongContentTypeIs415() {
        isProblem(secretariat().contentType("text/plain").body("unescoRegion=AFRICA").patch(COUNTRY).then(), 415);
    }

    @Test
    void anOversizedBodyIs413() throws Exception {
        // Announce a 31 MB body (the limit is 30 MB): the server answers before reading it.
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            String request = "POST /api/reference/income-group-editions?code=BIG&effectiveDate=2030-07-01 HTTP/1.1\r\n"
                    + "Host: localhost\r\nContent-Type: text/csv\r\nContent-Length: " + (31 * 1024 * 1024) + "\r\n"
                    + "Authorization: Bearer " + Tokens.forUser("sam", "secretariat") + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoTimeout(10_000);
            StringBuilder received = new StringBuilder();
            byte[] chunk = new byte[4096];
            int read;
            while (!received.toString().endsWith("}") && (read = socket.getInputStream().read(chunk)) > 0) {
                received.append(new String(chunk, 0, read, java.nio.charset.StandardCharsets.UTF_8));
            }
            String answer = received.toString();
            org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            org.junit.jupiter.api.Assertions.assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
            org.junit.jupiter.api.Assertions.assertTrue(answer.contains("\"status\":413"), answer);
        }
    }

    @Test
    void anUnexpectedFailureIs500WithAReferenceAndNoInternals() {
        isProblem(RestAssured.given().get("/test-only/failure").then(), 500)
                .body("detail", containsString("reference"))
                .body(not(containsString("Secret")));
    }

    /** Without its mapping the pool's "acquisition timeout" (a plain SQLException) was a 500. */
    @Test
    void noDatabaseConnectionFreeInTimeIs503WithRetryAfter() {
        isProblem(RestAssured.given().get("/test-only/pool-exhausted").then(), 503)
                .header("Retry-After", equalTo("5"))
                .body("type", containsString("/problems/unavailable"))
                .body(not(containsString("acquisition")));
    }
}
