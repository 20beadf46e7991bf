package org.learningcities.clusters;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.learningcities.testsupport.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CoordinatorCandidatesTest {

    private static void put(long survey, long city, Map<String, Object> answer) {
        as("sam", "secretariat").contentType("application/json").body(answer).put(Surveys.path(survey) + "/answers/" + city)
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
    }

    @Test
    void candidatesAreTheWillingCitiesOfTheTermsLatestSurvey() {
        long term = Clusters.term("2040-01-01", "2041-12-31");
        long earlier = Surveys.survey(term, LocalDate.now().minusDays(20), LocalDate.now().plusDays(5));
        long later = Surveys.survey(term, LocalDate.now().minusDays(2), LocalDate.now().plusDays(5));
        String name = Clusters.unique("Planning");
        long cluster = Clusters.cluster(name);   // topics 1 and 11
        long byTopic = Clusters.city("Nairobi", "KE");
        long byCluster = Clusters.city("Lyon", "FR");
        long anyCluster = Clusters.city("Bogota", "CO");
        long unwilling = Clusters.city("Cairo", "EG");
        long otherTopic = Clusters.city("Okayama", "JP");
        long changedMind = Clusters.city("Accra", "GH");
        put(earlier, byTopic, Surveys.answer(List.of(11), true, List.of(11), List.of()));
        put(later, byCluster, Map.of("primaryTopics", List.of(1), "willingToCoordinate", true, "coordinateTopics", List.of(),
                "coordinateClusterIds", List.of(cluster),
                "questionnaire", Surveys.questionnaire(true, true, false, true, false, "Study visits")));
        put(later, anyCluster, Surveys.answer(List.of(6), true, List.of(), List.of()));
        put(later, unwilling, Surveys.answer(List.of(1), false, List.of(), List.of()));
        put(later, otherTopic, Surveys.answer(List.of(8), true, List.of(8), List.of()));
        put(earlier, changedMind, Surveys.answer(List.of(1), true, List.of(1), List.of()));
        put(later, changedMind, Surveys.answer(List.of(1), false, List.of(), List.of()));   // the latest answer counts

        // A candidate coordinating another cluster in an overlapping term is flagged.
        String otherName = Clusters.unique("Other");
        Clusters.appoint(Clusters.cluster(otherName), term, byCluster);

        as("sam", "secretariat").get(Clusters.path(cluster, term) + "/candidates").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.memberId", contains((int) byTopic, (int) byCluster, (int) anyCluster))
                .body("items.namedThisCluster", contains(true, true, false))
                .body("items.region", contains("AFRICA", "EUROPE_NORTH_AMERICA", "LATIN_AMERICA_CARIBBEAN"))
                .body("items.country", contains("KE", "FR", "CO"))
                .body("items.surveyId", contains((int) earlier, (int) later, (int) later))
                .body("items[1].questionnaire.hostExchangeActivities", equalTo(true))
                .body("items[1].questionnaire.researchCaseStudies", equalTo(true))
                .body("items[1].questionnaire.other", equalTo("Study visits"))
                .body("items[1].coordinateClusterIds", contains((int) cluster))
                .body("items[1].coordinatesElsewhere", equalTo(otherName))
                .body("items[0].coordinatesElsewhere", equalTo(null));
        as("sam", "secretariat").get(Clusters.path(987654321L, term) + "/candidates").then().statusCode(404);
    }
}
