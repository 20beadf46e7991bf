package org.learningcities.clusters;

import static org.learningcities.testsupport.Api.as;

import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test data for surveys made through the API. */
final class Surveys {

    private Surveys() {
    }

    static long survey(long termId, LocalDate opensOn, LocalDate closesOn) {
        Number id = as(Clusters.SECRETARIAT, "secretariat").contentType("application/json")
                .body(Map.of("termId", termId, "title", Map.of("en", Clusters.unique("Survey"), "fr", "Enquête", "es", "Encuesta"),
                        "opensOn", opensOn.toString(), "closesOn", closesOn.toString()))
                .post("/api/surveys").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    /** A survey open today, on a new term. */
    static long openSurvey() {
        long term = Clusters.term("2038-01-01", "2039-12-31");
        return survey(term, LocalDate.now().minusDays(10), LocalDate.now().plusDays(10));
    }

    static Map<String, Object> questionnaire(boolean experts, boolean exchange, boolean workshop, boolean research,
                                             boolean money, String other) {
        Map<String, Object> q = new HashMap<>();
        q.put("hostExpertsMeeting", experts);
        q.put("hostExchangeActivities", exchange);
        q.put("capacityBuildingWorkshop", workshop);
        q.put("researchCaseStudies", research);
        q.put("financialContribution", money);
        q.put("other", other);
        return q;
    }

    static Map<String, Object> answer(List<Integer> topics, boolean willing, List<Integer> coordinateTopics,
                                      List<Long> coordinateClusters) {
        return Map.of("primaryTopics", topics, "willingToCoordinate", willing, "coordinateTopics", coordinateTopics,
                "coordinateClusterIds", coordinateClusters, "questionnaire", questionnaire(true, false, true, false, false, null));
    }

    static String path(long surveyId) {
        return "/api/surveys/" + surveyId;
    }

    static RequestSpecification upload(String csv) {
        return as(Clusters.SECRETARIAT, "secretariat").contentType("text/csv; charset=UTF-8").body(csv);
    }
}
