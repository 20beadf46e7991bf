package org.learningcities.toolkits;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectTest {

    private static String project(String externalId, String total, String coFinancing, String extra) {
        return "{\"externalId\":\"" + externalId + "\",\"acronym\":\"LC\",\"originalLanguage\":\"en\",\"title\":{\"en\":\"Learning Cities\"},"
                + "\"programme\":\"INTERREG IV A 2 Seas\",\"currency\":\"EUR\",\"totalBudget\":\"" + total + "\",\"coFinancing\":" + coFinancing
                + (extra == null ? "" : "," + extra) + "}";
    }

    @Test
    void coFinancingSumsAndTheOwnContributionAreExact() {
        long output = Toolkits.resource(Toolkits.resourceJson("REPORT", "en", "\"en\":\"Output\"", null));
        String json = project("P-" + UUID.randomUUID(), "2103036", "[{\"source\":\"ERDF\",\"amount\":\"1051518.00\"},{\"source\":\"Region\",\"amount\":\"0.10\"}]",
                "\"partners\":[{\"name\":\"CCAS Carvin\",\"role\":\"LEAD_PARTNER\",\"country\":\"FR\"}],\"outputResourceIds\":[" + output + "],"
                        + "\"activityStrands\":[{\"name\":{\"en\":\"Environment\",\"fr\":\"Environnement\"}}]");
        long id = Toolkits.secretariat().body(json).post("/api/projects").then().statusCode(201)
                .body("totalBudget", equalTo("2103036.00"))
                .body("coFinancingTotal", equalTo("1051518.10"))
                .body("ownContribution", equalTo("1051517.90"))
                .extract().jsonPath().getLong("id");
        given().queryParam("lang", "fr").get("/api/projects/" + id).then().statusCode(200)
                .body("activityStrands[0].name", equalTo("Environnement"))
                .body("fallbackFields", contains("title"))
                .body("outputs.id", contains((int) output))
                .body("partners[0].role", equalTo("LEAD_PARTNER"));
        given().queryParam("project", id).get("/api/resources").then().statusCode(200).body("items.id", contains((int) output));
    }

    @Test
    void coFinancingAboveTheBudgetWrongDecimalsAndUnknownOutputsAre422() {
        Toolkits.secretariat().body(project("P-" + UUID.randomUUID(), "100.00", "[{\"source\":\"ERDF\",\"amount\":\"100.01\"}]", null))
                .post("/api/projects").then().statusCode(422).body("errors[0].field", equalTo("coFinancing"));
        Toolkits.secretariat().body(project("P-" + UUID.randomUUID(), "100.001", "[]", null))
                .post("/api/projects").then().statusCode(422).body("errors[0].field", equalTo("totalBudget"));
        Toolkits.secretariat().body(project("P-" + UUID.randomUUID(), "100", "[]", "\"outputResourceIds\":[999999999]"))
                .post("/api/projects").then().statusCode(422).body("errors[0].field", containsString("outputResourceIds"));
        as("fp", "focal-point").contentType("application/json").body(project("P-x", "1", "[]", null))
                .post("/api/projects").then().statusCode(403);
    }

    @Test
    void resourcesImportWithADryRunAllOrNothingAndTwiceChangesNothing() {
        String key = "R-" + UUID.randomUUID();
        String csv = "externalId,type,originalLanguage,title_en,title_fr,licence\n"
                + key + "-1,GUIDE,en,A guide,Un guide,CC-BY-4.0\n"
                + key + "-2,VIDEO,en,A video,,\n";
        String bad = csv + key + "-3,PLANET,en,Bad,,\n";
        as("sam", "secretariat").contentType("text/csv").body(bad).queryParam("dryRun", true)
                .post("/api/resources/import").then().statusCode(200).body("errors[0].line", equalTo(4)).body("created", equalTo(0));
        as("sam", "secretariat").contentType("text/csv").body(bad).post("/api/resources/import").then().statusCode(422);
        as("sam", "secretariat").contentType("text/csv").body(csv).post("/api/resources/import")
                .then().statusCode(201).body("created", equalTo(2));
        as("sam", "secretariat").contentType("text/csv").body(csv).post("/api/resources/import")
                .then().statusCode(201).body("created", equalTo(0)).body("unchanged", equalTo(2));
        String exported = given().accept("text/csv").queryParam("type", "GUIDE").get("/api/resources").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(exported.contains(key + "-1,GUIDE,en,A guide,Un guide"));
    }

    @Test
    void projectsImportByExternalIdWithLineNumbersAndTwiceChangesNothing() {
        String key = "P-" + UUID.randomUUID();
        String csv = "externalId,acronym,originalLanguage,title_en,programme,currency,startDate,endDate,totalBudget\n"
                + key + "-1,ONE,en,First project,Erasmus+,EUR,2020-01-01,2021-12-31,1000.00\n"
                + key + "-2,TWO,en,Second project,Interreg,EUR,2020-01-01,2021-12-31,2000.00\n";
        String twice = csv + key + "-1,ONE,en,First project again,Erasmus+,EUR,2020-01-01,2021-12-31,1000.00\n";
        as("sam", "secretariat").contentType("text/csv").body(twice).queryParam("dryRun", true)
                .post("/api/projects/import").then().statusCode(200).body("errors[0].line", equalTo(4))
                .body("errors[0].message", equalTo("the same project appears twice in the file")).body("created", equalTo(0));
        as("sam", "secretariat").contentType("text/csv").body(twice).post("/api/projects/import").then().statusCode(422);
        as("sam", "secretariat").contentType("text/csv").body(csv).post("/api/projects/import")
                .then().statusCode(201).body("created", equalTo(2));
        as("sam", "secretariat").contentType("text/csv").body(csv).post("/api/projects/import")
                .then().statusCode(201).body("created", equalTo(0)).body("unchanged", equalTo(2));
    }
}
