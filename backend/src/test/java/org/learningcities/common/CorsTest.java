package org.learningcities.common;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** Browsers may call the API only from the configured SPA origins. */
@QuarkusTest
class CorsTest {

    @Test
    void theSpaOriginMayCallTheApi() {
        RestAssured.given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
                .options("/api/reference/countries/MT")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:5173"));
    }

    @Test
    void anotherOriginIsNotAllowed() {
        RestAssured.given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "PATCH")
                .options("/api/reference/countries/MT")
                .then().header("Access-Control-Allow-Origin", nullValue());
        RestAssured.given().header("Origin", "https://evil.example").get("/api/reference/topics")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
