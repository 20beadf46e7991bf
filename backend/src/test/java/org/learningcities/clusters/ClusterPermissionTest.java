package org.learningcities.clusters;

import static org.hamcrest.Matchers.equalTo;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;
import static org.learningcities.testsupport.Api.givenBadRequest;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learningcities.members.Members;

@QuarkusTest
class ClusterPermissionTest {

    @Test
    void onlyTheSecretariatKeepsTermsAndClustersAndAppointsCoordinators() {
        Map<String, Object> term = Map.of("code", Clusters.unique("T"), "startsOn", "2050-01-01", "endsOn", "2051-12-31");
        givenBadRequest().contentType("application/json").body(term).post("/api/cluster-terms").then().statusCode(401)
                .contentType("application/problem+json");
        as("cora", "coordinator").contentType("application/json").body(term).post("/api/cluster-terms").then().statusCode(403);
        Map<String, Object> cluster = Clusters.clusterInput(Clusters.unique("Gender"), List.of(3));
        givenBadRequest().contentType("application/json").body(cluster).post("/api/clusters").then().statusCode(401);
        as("fiona", "focal-point").contentType("application/json").body(cluster).post("/api/clusters").then().statusCode(403);

        long termId = Clusters.term("2050-01-01", "2051-12-31");
        long clusterId = Clusters.cluster(Clusters.unique("Migrants"));
        long city = Clusters.city("Hamburg", "DE");
        as("cora", "coordinator").contentType("application/json").body(Map.of("memberId", city))
                .post(Clusters.path(clusterId, termId) + "/coordinators").then().statusCode(403);
        givenBadRequest().delete(Clusters.path(clusterId, termId) + "/coordinators/" + city).then().statusCode(401);

        // The record is replaced with If-Match.
        String etag = given().get("/api/clusters/" + clusterId).then().statusCode(200).extract().header("ETag");
        Map<String, Object> renamed = Clusters.clusterInput(Clusters.unique("Migrants and refugees"), List.of(5));
        as("sam", "secretariat").contentType("application/json").body(renamed).put("/api/clusters/" + clusterId)
                .then().statusCode(428);
        as("sam", "secretariat").contentType("application/json").header("If-Match", etag).body(renamed)
                .put("/api/clusters/" + clusterId).then().statusCode(200).body("topics", equalTo(List.of(5)));
        as("sam", "secretariat").contentType("application/json").header("If-Match", etag).body(renamed)
                .put("/api/clusters/" + clusterId).then().statusCode(412);
        as("fiona", "focal-point").contentType("application/json").header("If-Match", etag).body(renamed)
                .put("/api/clusters/" + clusterId).then().statusCode(403);
    }

    @Test
    void aFocalPointJoinsAndLeavesForTheirOwnCityOnly() {
        long term = Clusters.term("2050-01-01", "2051-12-31");
        long cluster = Clusters.cluster(Clusters.unique("Literacy"));
        long own = Clusters.city("Lyon", "FR");
        long other = Clusters.city("Nantes", "FR");
        Members.linkFocalPoint(own, "fp-" + own);
        String members = Clusters.path(cluster, term) + "/members";

        givenBadRequest().contentType("application/json").body(Map.of("memberId", own, "joinedOn", "2050-02-01"))
                .post(members).then().statusCode(401);
        as("fp-" + own, "focal-point").contentType("application/json").body(Map.of("memberId", other, "joinedOn", "2050-02-01"))
                .post(members).then().statusCode(403);
        as("fp-" + own, "focal-point").contentType("application/json").body(Map.of("memberId", own, "joinedOn", "2050-02-01"))
                .post(members).then().statusCode(201);
        as("sam", "secretariat").contentType("application/json").body(Map.of("memberId", other, "joinedOn", "2050-02-01"))
                .post(members).then().statusCode(201);
        as("fp-" + own, "focal-point").contentType("application/json").body(Map.of("leftOn", "2050-06-01"))
                .post(members + "/" + other + "/leave").then().statusCode(403);
        // A focal-point login without the role is not enough.
        as("fp-" + own, "donor").contentType("application/json").body(Map.of("leftOn", "2050-06-01"))
                .post(members + "/" + own + "/leave").then().statusCode(403);
        as("fp-" + own, "focal-point").contentType("application/json").body(Map.of("leftOn", "2050-06-01"))
                .post(members + "/" + own + "/leave").then().statusCode(200);
        // A date outside the term is refused.
        as("sam", "secretariat").contentType("application/json").body(Map.of("memberId", own, "joinedOn", "2052-02-01"))
                .post(members).then().statusCode(422);
    }

    @Test
    void onlyThisClustersCoordinatorManagesItsWorkPlanAndMembers() {
        long term = Clusters.term("2050-01-01", "2051-12-31");
        long cluster = Clusters.cluster(Clusters.unique("ICT"));
        long otherCluster = Clusters.cluster(Clusters.unique("Planning"));
        String coordinator = Clusters.coordinatorOf(cluster, term);
        String otherCoordinator = Clusters.coordinatorOf(otherCluster, term);
        String plan = Clusters.path(cluster, term) + "/work-plan";

        givenBadRequest().post(plan + "/from-template").then().statusCode(401);
        // The coordinator of another cluster, a focal point of this cluster's coordinating city without
        // the coordinator role, and a coordinator-role user who is no focal point: all 403.
        as(otherCoordinator, "coordinator").post(plan + "/from-template").then().statusCode(403);
        as(coordinator, "focal-point").post(plan + "/from-template").then().statusCode(403);
        as("cora", "coordinator").post(plan + "/from-template").then().statusCode(403);
        as(coordinator, "coordinator").post(plan + "/from-template").then().statusCode(201);

        as(otherCoordinator, "coordinator").contentType("application/json")
                .body(ClusterWorkPlanTest.activity("9.9", 4, "10")).post(plan + "/activities").then().statusCode(403);
        long city = Clusters.city("Espoo", "FI");
        as(otherCoordinator, "coordinator").contentType("application/json").body(Map.of("memberId", city, "joinedOn", "2050-03-01"))
                .post(Clusters.path(cluster, term) + "/members").then().statusCode(403);
        as(coordinator, "coordinator").contentType("application/json").body(Map.of("memberId", city, "joinedOn", "2050-03-01"))
                .post(Clusters.path(cluster, term) + "/members").then().statusCode(201);

        // The public reads everything.
        given().get("/api/clusters").then().statusCode(200);
        given().get("/api/cluster-terms").then().statusCode(200);
        given().get(plan).then().statusCode(200).body("sums.totalUsd", equalTo("350000.00"));
        given().get(Clusters.path(cluster, term) + "/balance").then().statusCode(200).body("members", equalTo(2));
    }
}
