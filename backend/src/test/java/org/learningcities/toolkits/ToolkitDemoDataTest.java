package org.learningcities.toolkits;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.learningcities.testsupport.Api.given;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.learningcities.members.MemberDemoData;
import org.learningcities.members.MemberDemoDataTest;

/** The seeds' projects, toolkit and fiche as `make run` shows them (tests never rely on them; this one loads them to check them). */
@QuarkusTest
class ToolkitDemoDataTest {

    @Inject
    MemberDemoData memberDemo;

    @Inject
    ToolkitDemoData toolkitDemo;

    @Test
    void theLearningCitiesProjectItsToolkitClavetAndTheSkillsCentresFiche() {
        MemberDemoDataTest.loadOnce(memberDemo);
        toolkitDemo.loadAsSecretariat();

        int project = given().queryParam("q", "Learning Cities").get("/api/projects").then().statusCode(200)
                .extract().path("items.find { it.programme == 'INTERREG IV A 2 Seas' }.id");
        given().get("/api/projects/" + project).then().statusCode(200)
                .body("totalBudget", equalTo("2103036.00"))
                .body("coFinancing[0].amount", equalTo("1051518.00"))
                .body("ownContribution", equalTo("1051518.00"))
                .body("startDate", equalTo("2012-01-01")).body("endDate", equalTo("2014-09-30"))
                .body("partners[0].name", equalTo("Centre Communal d'Action Sociale de Carvin"))
                .body("partners[0].role", equalTo("LEAD_PARTNER"))
                .body("outputs", hasSize(16));
        given().queryParam("q", "CLAVET").get("/api/projects").then().body("items.acronym", hasItem("CLAVET"));
        given().queryParam("project", project).get("/api/toolkits").then().statusCode(200)
                .body("items.title", contains("Learning Cities Toolkit"));
        given().queryParam("q", "RACCROCHER publics").queryParam("kind", "RESOURCE").get("/api/search").then().statusCode(200)
                .body("items.title", hasItem("Programmes et méthodes existants pour raccrocher les publics les plus éloignés, notamment les jeunes NEET"));
        int fiche = given().get("/api/case-studies").then().statusCode(200)
                .extract().path("items.find { it.name.startsWith('Centres de Comp') }.id");
        given().get("/api/case-studies/" + fiche).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("categories.code", contains("C", "F"))
                .body("partnershipKinds", hasSize(3))
                .body("themeQuestions", hasSize(4))
                .body("contact", org.hamcrest.Matchers.nullValue());
    }
}
