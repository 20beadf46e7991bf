package org.learningcities.clusters;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;
import static org.learningcities.testsupport.Api.givenBadRequest;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learningcities.members.Members;

@QuarkusTest
class SurveyAnswerTest {

    @Test
    void oneAnswerPerCityEditableUntilTheSurveyCloses() {
        long survey = Surveys.openSurvey();
        long city = Clusters.city("Cork", "IE");
        String focal = "fp-survey-" + city;
        Members.linkFocalPoint(city, focal);
        String answerPath = Surveys.path(survey) + "/answers/" + city;

        given().get(Surveys.path(survey)).then().statusCode(200).body("status", equalTo("OPEN"));
        as(focal, "focal-point").contentType("application/json").body(Surveys.answer(List.of(2, 1), true, List.of(2), List.of()))
                .put(answerPath).then().statusCode(201).body("primaryTopics", contains(1, 2)).body("region", equalTo("EUROPE_NORTH_AMERICA"))
                .body("recordedBy", equalTo(focal));
        // A second answer replaces the first: still one answer for the city.
        String etag = as(focal, "focal-point").contentType("application/json")
                .body(Surveys.answer(List.of(6), false, List.of(), List.of()))
                .put(answerPath).then().statusCode(200).body("primaryTopics", contains(6)).body("willingToCoordinate", equalTo(false))
                .extract().header("ETag");
        as("sam", "secretariat").get(Surveys.path(survey) + "/answers").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].memberId", equalTo((int) city));
        // A stale If-Match is refused.
        as(focal, "focal-point").contentType("application/json").header("If-Match", "\"99\"")
                .body(Surveys.answer(List.of(7), false, List.of(), List.of())).put(answerPath).then().statusCode(412);
        as(focal, "focal-point").contentType("application/json").header("If-Match", etag)
                .body(Surveys.answer(List.of(7), false, List.of(), List.of())).put(answerPath).then().statusCode(200);

        // The secretariat closes the survey (yesterday): the answer can no longer change, not even by the secretariat.
        Map<String, Object> survey0 = given().get(Surveys.path(survey)).then().extract().path("");
        String surveyEtag = given().get(Surveys.path(survey)).then().extract().header("ETag");
        as("sam", "secretariat").contentType("application/json").header("If-Match", surveyEtag)
                .body(Map.of("termId", survey0.get("termId"), "title", survey0.get("title"), "opensOn", survey0.get("opensOn"),
                        "closesOn", LocalDate.now().minusDays(1).toString()))
                .put(Surveys.path(survey)).then().statusCode(200).body("status", equalTo("CLOSED"));
        as(focal, "focal-point").contentType("application/json").body(Surveys.answer(List.of(9), false, List.of(), List.of()))
                .put(answerPath).then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/problems/survey-closed"));
        as("sam", "secretariat").contentType("application/json").body(Surveys.answer(List.of(9), false, List.of(), List.of()))
                .put(answerPath).then().statusCode(409);
        as(focal, "focal-point").get(answerPath).then().statusCode(200).body("primaryTopics", contains(7));
    }

    @Test
    void aSurveyNotYetOpenTakesNoAnswer() {
        long term = Clusters.term("2038-01-01", "2039-12-31");
        long survey = Surveys.survey(term, LocalDate.now().plusDays(3), LocalDate.now().plusDays(30));
        long city = Clusters.city("Osan", "KR");
        given().get(Surveys.path(survey)).then().body("status", equalTo("UPCOMING"));
        as("sam", "secretariat").contentType("application/json").body(Surveys.answer(List.of(1), false, List.of(), List.of()))
                .put(Surveys.path(survey) + "/answers/" + city).then().statusCode(409)
                .body("type", endsWith("/problems/survey-closed")).body("detail", containsString("upcoming"));
    }

    @Test
    void aFocalPointAnswersForTheirOwnCityOnly() {
        long survey = Surveys.openSurvey();
        long own = Clusters.city("Larissa", "GR");
        long other = Clusters.city("Yeonsu", "KR");
        String focal = "fp-own-" + own;
        Members.linkFocalPoint(own, focal);
        Map<String, Object> body = Surveys.answer(List.of(7), false, List.of(), List.of());

        as(focal, "focal-point").contentType("application/json").body(body).put(Surveys.path(survey) + "/answers/" + other)
                .then().statusCode(403).contentType("application/problem+json");
        as(focal, "focal-point").get(Surveys.path(survey) + "/answers/" + other).then().statusCode(403);
        givenBadRequest().contentType("application/json").body(body).put(Surveys.path(survey) + "/answers/" + own).then().statusCode(401);
        // The secretariat answers for any city.
        as("sam", "secretariat").contentType("application/json").body(body).put(Surveys.path(survey) + "/answers/" + other)
                .then().statusCode(201).body("recordedBy", equalTo("sam"));
        // All answers, their CSV, and candidates are the secretariat's.
        as(focal, "focal-point").get(Surveys.path(survey) + "/answers").then().statusCode(403);
        as(focal, "focal-point").accept("text/csv").get(Surveys.path(survey) + "/answers").then().statusCode(403);
        as(focal, "coordinator").get(Clusters.path(Clusters.cluster(Clusters.unique("C")), Clusters.term("2038-01-01", "2039-12-31"))
                + "/candidates").then().statusCode(403);
        // Nothing was written for the other city by the focal point: only the secretariat's answer.
        as("sam", "secretariat").get(Surveys.path(survey) + "/answers").then().body("items", hasSize(1))
                .body("items[0].recordedBy", equalTo("sam"));
        // Results are public.
        given().get(Surveys.path(survey) + "/results").then().statusCode(200).body("respondents", equalTo(1));
    }

    @Test
    void badAnswersAreRefusedAndChangeNothing() {
        long survey = Surveys.openSurvey();
        long city = Clusters.city("Turin", "IT");
        String answerPath = Surveys.path(survey) + "/answers/" + city;
        as("sam", "secretariat").contentType("application/json").body(Surveys.answer(List.of(1), false, List.of(8), List.of()))
                .put(answerPath).then().statusCode(422).body("errors[0].field", equalTo("willingToCoordinate"));
        as("sam", "secretariat").contentType("application/json").body(Surveys.answer(List.of(1), true, List.of(), List.of(987654321L)))
                .put(answerPath).then().statusCode(422).body("errors[0].field", equalTo("coordinateClusterIds"));
        givenBadRequest().header("Authorization", "Bearer " + org.learningcities.testsupport.Tokens.forUser("sam", "secretariat"))
                .contentType("application/json").body(Surveys.answer(List.of(13), false, List.of(), List.of()))
                .put(answerPath).then().statusCode(422).contentType("application/problem+json");
        givenBadRequest().header("Authorization", "Bearer " + org.learningcities.testsupport.Tokens.forUser("sam", "secretariat"))
                .contentType("application/json").body(Surveys.answer(List.of(), false, List.of(), List.of()))
                .put(answerPath).then().statusCode(422);
        as("sam", "secretariat").contentType("application/json").body(Surveys.answer(List.of(1), false, List.of(), List.of()))
                .put(Surveys.path(survey) + "/answers/987654321").then().statusCode(404);
        as("sam", "secretariat").get(answerPath).then().statusCode(404);
        as("sam", "secretariat").contentType("application/json")
                .body(Map.of("termId", Clusters.term("2038-01-01", "2039-12-31"), "title", Map.of("en", "x"), "opensOn", "2020-02-01", "closesOn", "2020-01-01"))
                .post("/api/surveys").then().statusCode(422).body("errors[0].field", equalTo("closesOn"));
    }
}
