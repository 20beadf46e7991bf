package org.learningcities.clusters;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learningcities.testsupport.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.learningcities.members.Members;

@QuarkusTest
class SurveyImportTest {

    private static final String HEADER = SurveyResultsTest.ANSWER_HEADER;

    private static int answers(long survey) {
        return ((Number) as("sam", "secretariat").get(Surveys.path(survey) + "/answers").then().statusCode(200)
                .extract().path("total")).intValue();
    }

    @Test
    void aDryRunReportsEveryBadRowWithItsLineAndStoresNothing() {
        long survey = Surveys.survey(Clusters.term("2019-09-01", "2021-08-31"), LocalDate.of(2019, 1, 15), LocalDate.of(2019, 3, 31));
        long cork = Clusters.city("Cork", "IE");
        String name = Members.unique("Osan");
        Members.create(name, "KR", 2016);
        String csv = HEADER
                + cork + ",,,,,1;2,true,2,,true,false,true,false,false,\r\n"        // line 2: fine
                + ",,KR," + name + ",,13,maybe,,,true,,,,,\r\n"                    // line 3: topic 13, bad yes/no
                + "987654321,,,,,1,false,,,,,,,,\r\n"                               // line 4: no such city
                + ",,IE,Nowhere,,1,false,,,,,,,,\r\n"                               // line 5: no such city
                + cork + ",,,,,3,false,3,,,,,,,\r\n"                                // line 6: coordinate topics when not willing
                + cork + ",,,,,,false,,,,,,,,\r\n";                                 // line 7: no primary topic
        Surveys.upload(csv).queryParam("dryRun", true).post(Surveys.path(survey) + "/answers/import").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("rowsRead", equalTo(6)).body("rowsAccepted", equalTo(0))
                .body("errors.line", contains(3, 4, 5, 6, 7))
                .body("errors.field", contains("willingToCoordinate", "memberId", "city", "willingToCoordinate", "primaryTopics"));
        assertEquals(0, answers(survey));
        // For real: one bad row and nothing is stored, not even the good one.
        Surveys.upload(csv).post(Surveys.path(survey) + "/answers/import").then().statusCode(422)
                .contentType("application/problem+json").body("errors.line", contains(3, 4, 5, 6, 7));
        assertEquals(0, answers(survey));
        // A topic out of range is reported once its yes/no column is right.
        Surveys.upload(HEADER + ",,KR," + name + ",,13,no,,,,,,,,\r\n").queryParam("dryRun", true)
                .post(Surveys.path(survey) + "/answers/import").then().statusCode(200).body("errors[0].line", equalTo(2))
                .body("errors[0].field", equalTo("primaryTopics"));
        // The same city twice.
        Surveys.upload(HEADER + cork + ",,,,,1,false,,,,,,,,\r\n" + cork + ",,,,,2,false,,,,,,,,\r\n").queryParam("dryRun", true)
                .post(Surveys.path(survey) + "/answers/import").then().body("errors.line", contains(3)).body("errors.field", contains("city"));
    }

    @Test
    void importingTwiceChangesNothingAndAnExportImportsBackUnchanged() {
        long survey = Surveys.survey(Clusters.term("2019-09-01", "2021-08-31"), LocalDate.of(2019, 1, 15), LocalDate.of(2019, 3, 31));
        String tag = "Imp" + UUID.randomUUID().toString().substring(0, 6);
        Surveys.upload("externalId,name,country,yearJoined\r\n" + tag + "-1," + tag + " Turin,IT,2016\r\n" + tag + "-2," + tag
                + " Medellín,CO,2015\r\n").post("/api/members/import").then().statusCode(201);
        String csv = HEADER
                + "," + tag + "-1,,,,8;10,true,8,,true,true,false,false,true,\"Mentoring, online\"\r\n"
                + ",,co," + tag + " Medellín,,1;6;10,no,,,yes,no,yes,no,no,\r\n";
        String key = UUID.randomUUID().toString();
        Surveys.upload(csv).header("Idempotency-Key", key).post(Surveys.path(survey) + "/answers/import").then().statusCode(201)
                .body("created", equalTo(2)).body("updated", equalTo(0));
        // The same key replays the first answer; the same file again changes nothing.
        Surveys.upload(csv).header("Idempotency-Key", key).post(Surveys.path(survey) + "/answers/import").then().statusCode(201)
                .header("Idempotency-Replayed", "true").body("created", equalTo(2));
        Surveys.upload(csv).post(Surveys.path(survey) + "/answers/import").then().statusCode(201)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2));
        assertEquals(2, answers(survey));

        // The export has the import's columns: it imports back unchanged.
        String export = as("sam", "secretariat").accept("text/csv").get(Surveys.path(survey) + "/answers").then().statusCode(200)
                .extract().asString();
        assertTrue(export.startsWith(HEADER), export);
        assertTrue(export.contains(",CO," + tag + " Medellín,LATIN_AMERICA_CARIBBEAN,1;6;10,false,,,true,false,true,false,false,\r\n"), export);
        assertTrue(export.contains("\"Mentoring, online\""), export);
        Surveys.upload(export).post(Surveys.path(survey) + "/answers/import").then().statusCode(201)
                .body("unchanged", equalTo(2)).body("created", equalTo(0)).body("updated", equalTo(0));

        // A changed row updates that answer only.
        Surveys.upload(HEADER + "," + tag + "-1,,,,8,true,8,,true,true,false,false,true,\r\n")
                .post(Surveys.path(survey) + "/answers/import").then().statusCode(201).body("updated", equalTo(1));
        as("sam", "secretariat").get(Surveys.path(survey) + "/answers").then()
                .body("items.find { it.name == '" + tag + " Turin' }.primaryTopics", contains(8))
                .body("items.find { it.name == '" + tag + " Turin' }.questionnaire.other", equalTo(null));
        // Only the secretariat imports.
        as("fp", "focal-point").contentType("text/csv; charset=UTF-8").body(csv).post(Surveys.path(survey) + "/answers/import")
                .then().statusCode(403);
    }
}
