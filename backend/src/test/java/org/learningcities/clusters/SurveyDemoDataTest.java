package org.learningcities.clusters;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learningcities.members.MemberCity;
import org.learningcities.members.MemberDemoData;
import org.learningcities.members.MemberDemoDataTest;

/** The 2019 survey and the health cluster's report `make run` shows (loaded here to check them). */
@QuarkusTest
class SurveyDemoDataTest {

    @Inject
    MemberDemoData memberDemo;

    @Inject
    ClusterDemoData clusterDemo;

    @Inject
    SurveyDemoData surveyDemo;

    @Test
    void theDemoSurveyHasResultsAndTheHealthClusterANewsItem() {
        MemberDemoDataTest.loadOnce(memberDemo);
        clusterDemo.loadAsSecretariat();
        surveyDemo.loadAsSecretariat();
        surveyDemo.loadAsSecretariat(); // once only

        List<Map<String, Object>> terms = given().queryParam("size", 200).get("/api/cluster-terms").then()
                .extract().path("items.findAll { it.code == '2019-2021' }");
        Number term = (Number) terms.get(0).get("id");
        Number survey = given().queryParam("termId", term).get("/api/surveys").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].status", equalTo("CLOSED")).extract().path("items[0].id");
        long members2019 = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> MemberCity.count("externalId like 'DEMO-%' and yearJoined <= 2019"));
        Map<String, Object> results = given().get("/api/surveys/" + survey + "/results").then().statusCode(200)
                .body("willingToCoordinate", greaterThan(7)).body("topics[0].votes", greaterThan(0))
                .body("respondents", org.hamcrest.Matchers.greaterThanOrEqualTo((int) members2019)).extract().path("");
        List<Integer> byRegion = given().get("/api/surveys/" + survey + "/results").then().extract().path("regions.respondents");
        org.junit.jupiter.api.Assertions.assertEquals(results.get("respondents"), byRegion.stream().mapToInt(Integer::intValue).sum());
        Number health = given().queryParam("size", 200).get("/api/clusters").then()
                .extract().path("items.find { it.name.en == 'Health and well-being' }.id");
        as("sam", "secretariat").get("/api/clusters/" + health + "/terms/" + term + "/candidates").then().statusCode(200)
                .body("items.findAll { it.namedThisCluster }.name", hasItem("Cork"));
        given().queryParam("cluster", health).queryParam("lang", "es").get("/api/news").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].title", equalTo("El grupo de salud y bienestar aprueba su plan de trabajo"));
    }
}
