package org.learningcities.clusters;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClusterWorkPlanTest {

    static Map<String, Object> activity(String code, int workArea, String cost) {
        Map<String, Object> activity = new HashMap<>();
        activity.put("code", code);
        activity.put("workArea", workArea);
        activity.put("title", "Activity " + code);
        activity.put("responsibleKind", "SECRETARIAT");
        activity.put("estimatedCostUsd", cost);
        activity.put("status", "PLANNED");
        activity.put("outputs", List.of("https://example.org/report-" + code));
        return activity;
    }

    @Test
    void aCoordinatorStartsTheWorkPlanFromTheTemplateAndSees350000() {
        long term = Clusters.term("2046-01-01", "2047-12-31");
        long cluster = Clusters.cluster(Clusters.unique("ESD"));
        String coordinator = Clusters.coordinatorOf(cluster, term);
        String plan = Clusters.path(cluster, term) + "/work-plan";

        given().get(plan).then().statusCode(200).header("ETag", "\"0\"").body("activities", hasSize(0))
                .body("sums.totalUsd", equalTo("0.00"));
        as(coordinator, "coordinator").post(plan + "/from-template").then().statusCode(201)
                .body("activities", hasSize(9))
                .body("activities.code", contains("1.1", "1.2", "1.3", "1.4", "2.1", "2.1", "3.1", "3.2", "4.1"))
                .body("activities[0].responsibleKind", equalTo("COORDINATING_CITY"))
                .body("sums.workAreas.totalUsd", contains("160000.00", "100000.00", "70000.00", "20000.00"))
                .body("sums.totalUsd", equalTo("350000.00"));
        as(coordinator, "coordinator").post(plan + "/from-template").then().statusCode(409);
        given().get(plan).then().body("sums.totalUsd", equalTo("350000.00"));
    }

    @Test
    void sevenClustersOverANewTermGiveTheStrategysFigures() {
        long term = Clusters.term("2048-01-01", "2049-12-31");
        for (int i = 0; i < 7; i++) {
            long cluster = Clusters.cluster(Clusters.unique("Cluster " + i));
            as("sam", "secretariat").post(Clusters.path(cluster, term) + "/work-plan/from-template").then().statusCode(201);
        }
        given().get("/api/cluster-terms/" + term + "/work-plan-sums").then().statusCode(200)
                .body("workAreas.workArea", contains(1, 2, 3, 4))
                .body("workAreas.totalUsd", contains("1120000.00", "700000.00", "490000.00", "140000.00"))
                .body("totalUsd", equalTo("2450000.00"));
    }

    @Test
    void activitiesAreEditedWithIfMatchAndSumsAreExact() {
        long term = Clusters.term("2046-01-01", "2047-12-31");
        long cluster = Clusters.cluster(Clusters.unique("Youth"));
        String coordinator = Clusters.coordinatorOf(cluster, term);
        String activities = Clusters.path(cluster, term) + "/work-plan/activities";

        ExtractableResponse<Response> first = as(coordinator, "coordinator").contentType("application/json")
                .body(activity("1.1", 1, "0.10")).post(activities).then().statusCode(201)
                .body("estimatedCostUsd", equalTo("0.10")).extract();
        as(coordinator, "coordinator").contentType("application/json").body(activity("1.2", 1, "0.2"))
                .post(activities).then().statusCode(201).body("estimatedCostUsd", equalTo("0.20"));
        // 0.1 + 0.2 in floating point is 0.30000000000000004.
        given().get(Clusters.path(cluster, term) + "/work-plan").then()
                .body("sums.workAreas[0].totalUsd", equalTo("0.30")).body("sums.totalUsd", equalTo("0.30"));

        long id = ((Number) first.path("id")).longValue();
        String etag = first.header("ETag");
        Map<String, Object> changed = activity("1.1", 1, "1234567890123.45");
        changed.put("status", "DONE");
        as(coordinator, "coordinator").contentType("application/json").body(changed)
                .put(activities + "/" + id).then().statusCode(428);
        as(coordinator, "coordinator").contentType("application/json").header("If-Match", etag).body(changed)
                .put(activities + "/" + id).then().statusCode(200).body("status", equalTo("DONE"))
                .body("estimatedCostUsd", equalTo("1234567890123.45"));
        as(coordinator, "coordinator").contentType("application/json").header("If-Match", etag).body(changed)
                .put(activities + "/" + id).then().statusCode(412);
        given().get(Clusters.path(cluster, term) + "/work-plan").then().body("sums.totalUsd", equalTo("1234567890123.65"));

        as(coordinator, "coordinator").delete(activities + "/" + id).then().statusCode(204);
        as(coordinator, "coordinator").delete(activities + "/" + id).then().statusCode(404);
        given().get(Clusters.path(cluster, term) + "/work-plan").then().body("activities", hasSize(1))
                .body("sums.totalUsd", equalTo("0.20"));
    }

    @Test
    void objectivesAreEditedWithIfMatch() {
        long term = Clusters.term("2046-01-01", "2047-12-31");
        long cluster = Clusters.cluster(Clusters.unique("Elderly"));
        String coordinator = Clusters.coordinatorOf(cluster, term);
        String plan = Clusters.path(cluster, term) + "/work-plan";
        Map<String, Object> objectives = Map.of("objectives", Map.of("en", "Learn at every age", "fr", "Apprendre à tout âge"));

        as(coordinator, "coordinator").contentType("application/json").body(objectives).put(plan).then().statusCode(428);
        String etag = as(coordinator, "coordinator").contentType("application/json").header("If-Match", "\"0\"").body(objectives)
                .put(plan).then().statusCode(200).body("objectives.fr", equalTo("Apprendre à tout âge"))
                .body("objectives.es", equalTo(null)).extract().header("ETag");
        as(coordinator, "coordinator").contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("objectives", Map.of("en", "Lost update"))).put(plan).then().statusCode(412);
        as(coordinator, "coordinator").contentType("application/json").header("If-Match", etag)
                .body(Map.of("objectives", Map.of("en", "Second version"))).put(plan).then().statusCode(200);
        given().get(plan).then().body("objectives.en", equalTo("Second version"));
    }
}
