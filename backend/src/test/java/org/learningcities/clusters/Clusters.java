package org.learningcities.clusters;

import static org.learningcities.testsupport.Api.as;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.learningcities.members.Members;

/** Test data for clusters made through the API: each test makes its own terms, clusters and cities. */
final class Clusters {

    static final String SECRETARIAT = "sam";

    private Clusters() {
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static long term(String startsOn, String endsOn) {
        Number id = as(SECRETARIAT, "secretariat").contentType("application/json")
                .body(Map.of("code", unique("T" + startsOn.substring(0, 4)), "startsOn", startsOn, "endsOn", endsOn))
                .post("/api/cluster-terms").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    static Map<String, Object> clusterInput(String name, List<Integer> topics) {
        return Map.of("name", Map.of("en", name, "fr", name + " (fr)", "es", name + " (es)"),
                "description", Map.of("en", "About " + name), "topics", topics, "status", "ACTIVE");
    }

    static long cluster(String name) {
        Number id = as(SECRETARIAT, "secretariat").contentType("application/json").body(clusterInput(name, List.of(1, 11)))
                .post("/api/clusters").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    static long city(String prefix, String country) {
        return Members.create(Members.unique(prefix), country, 2019);
    }

    static String path(long clusterId, long termId) {
        return "/api/clusters/" + clusterId + "/terms/" + termId;
    }

    static void appoint(long clusterId, long termId, long memberId) {
        as(SECRETARIAT, "secretariat").contentType("application/json").body(Map.of("memberId", memberId))
                .post(path(clusterId, termId) + "/coordinators").then().statusCode(201);
    }

    /** A city coordinating the cluster in the term, with a focal point logged in as a coordinator. */
    static String coordinatorOf(long clusterId, long termId) {
        long city = city("Coordinating", "IT");
        String username = "coord-" + UUID.randomUUID().toString().substring(0, 8);
        Members.linkFocalPoint(city, username);
        appoint(clusterId, termId, city);
        return username;
    }
}
