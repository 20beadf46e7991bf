package org.learningcities.clusters;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.learningcities.testsupport.Api.given;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learningcities.members.MemberDemoData;
import org.learningcities.members.MemberDemoDataTest;

/** The 2019–2021 clusters `make run` shows (tests never rely on them; this one loads them to check them). */
@QuarkusTest
class ClusterDemoDataTest {

    @Inject
    MemberDemoData memberDemo;

    @Inject
    ClusterDemoData clusterDemo;

    @Test
    void theSevenClustersOf2019WithTheirKnownCoordinatorsAndTemplateWorkPlans() {
        MemberDemoDataTest.loadOnce(memberDemo);
        clusterDemo.loadAsSecretariat();

        List<Map<String, Object>> terms = given().queryParam("size", 200).get("/api/cluster-terms")
                .then().statusCode(200).extract().path("items.findAll { it.code == '2019-2021' }");
        Number term = (Number) terms.get(0).get("id");
        given().get("/api/cluster-terms/" + term + "/work-plan-sums").then().statusCode(200)
                .body("totalUsd", equalTo("2450000.00"))
                .body("workAreas.totalUsd", org.hamcrest.Matchers.contains("1120000.00", "700000.00", "490000.00", "140000.00"));

        List<Map<String, Object>> clusters = given().queryParam("size", 200).get("/api/clusters").then().statusCode(200)
                .body("items.name.en", hasItems("Entrepreneurship", "Health and well-being", "Literacy"))
                .extract().path("items");
        Number health = (Number) clusters.stream().filter(c -> "Health and well-being".equals(((Map<?, ?>) c.get("name")).get("en")))
                .findFirst().orElseThrow().get("id");
        given().get("/api/clusters/" + health + "/terms/" + term + "/coordinators").then().statusCode(200)
                .body("items.name", containsInAnyOrder("Cork", "Osan"));
        given().get("/api/clusters/" + health + "/terms/" + term + "/balance").then().statusCode(200)
                .body("sameRegionCoordinators", equalTo(false));
        // The directory filters by cluster.
        given().queryParam("cluster", health).queryParam("size", 200).get("/api/members").then().statusCode(200)
                .body("items.name", hasItems("Cork", "Osan"))
                .body("items.name", org.hamcrest.Matchers.not(hasItems("Chengdu")));
    }
}
