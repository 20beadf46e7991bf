package org.learningcities.members;

import static org.learningcities.testsupport.Api.as;

import java.util.Map;
import java.util.UUID;

/** Test data made through the API: each test creates its own cities. */
public final class Members {

    private Members() {
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static long create(Map<String, Object> fields) {
        Number id = as("sam", "secretariat").contentType("application/json").body(fields)
                .post("/api/members").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    public static long create(String name, String country, int yearJoined) {
        return create(Map.of("name", name, "country", country, "yearJoined", yearJoined));
    }

    public static String etag(long id) {
        return org.learningcities.testsupport.Api.given().get("/api/members/" + id).then().statusCode(200).extract().header("ETag");
    }

    public static void linkFocalPoint(long memberId, String username) {
        as("sam", "secretariat").contentType("application/json")
                .body(Map.of("name", "Focal " + username, "email", username + "@example.org", "username", username))
                .post("/api/members/" + memberId + "/focal-points").then().statusCode(201);
    }
}
