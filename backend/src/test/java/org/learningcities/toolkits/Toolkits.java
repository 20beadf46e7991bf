package org.learningcities.toolkits;

import static org.learningcities.testsupport.Api.as;

import io.restassured.specification.RequestSpecification;
import org.learningcities.testsupport.Api;
import org.learningcities.testsupport.Tokens;

/** Helpers the toolkits tests share. */
public final class Toolkits {

    private Toolkits() {
    }

    public static RequestSpecification secretariat() {
        return as("sam", "secretariat").contentType("application/json");
    }

    /**
     * Multipart uploads: the contract validator cannot read multipart bodies, so only the answer
     * is validated.
     */
    public static RequestSpecification uploader(String role) {
        return Api.givenBadRequest().header("Authorization", "Bearer " + Tokens.forUser("up-" + role, role));
    }

    /** Creates a resource from a JSON body and returns its id. */
    public static long resource(String json) {
        return secretariat().body(json).post("/api/resources").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static String resourceJson(String type, String original, String titles, String extra) {
        return "{\"type\":\"" + type + "\",\"originalLanguage\":\"" + original + "\",\"title\":{" + titles + "}"
                + (extra == null ? "" : "," + extra) + "}";
    }
}
