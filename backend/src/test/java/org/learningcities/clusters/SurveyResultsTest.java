package org.learningcities.clusters;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The 2019 survey as the strategy reports it: 101 cities from 37 countries in all five UNESCO
 * regions; ESD 60, health and well-being 29, gender equality 10, elderly people 14, migrants 10,
 * literacy 29, citizenship education 36, entrepreneurship 34, digitally excluded 10, youth at risk
 * 15, educational planning 29, monitoring and evaluation 16 (DOMAIN.md §2). The fixture spreads
 * exactly those votes over 101 cities (each topic on consecutive cities, wrapping round), loads
 * them through the CSV import and checks every figure the results give back.
 */
@QuarkusTest
class SurveyResultsTest {

    /** Votes per topic 1..12, from the strategy. */
    static final int[] SEED_VOTES = {0, 60, 29, 10, 14, 10, 29, 36, 34, 10, 15, 29, 16};
    static final int CITIES = 101;
    /** 37 countries over the five regions: 7 African, 5 Arab, 11 Asia-Pacific, 11 Europe-North America, 3 Latin American. */
    static final List<String> COUNTRIES = List.of("KE", "NG", "GH", "SN", "ET", "ZA", "CM", "EG", "MA", "JO", "TN", "LB",
            "CN", "KR", "JP", "IN", "ID", "AU", "TH", "VN", "PH", "MY", "NZ", "IE", "IT", "GR", "DE", "FR", "ES", "PT", "GB",
            "US", "CA", "FI", "CO", "MX", "BR");

    static final String ANSWER_HEADER = "memberId,externalId,country,city,region,primaryTopics,willingToCoordinate,coordinateTopics,"
            + "coordinateClusterIds,hostExpertsMeeting,hostExchangeActivities,capacityBuildingWorkshop,researchCaseStudies,"
            + "financialContribution,other\r\n";

    /** The topics each fixture city chose: topic t goes to SEED_VOTES[t] consecutive cities, continuing where t-1 stopped. */
    static List<Set<Integer>> fixtureTopics() {
        List<Set<Integer>> topics = new ArrayList<>();
        for (int i = 0; i < CITIES; i++) {
            topics.add(new TreeSet<>());
        }
        int next = 0;
        for (int t = 1; t <= 12; t++) {
            for (int k = 0; k < SEED_VOTES[t]; k++) {
                topics.get((next + k) % CITIES).add(t);
            }
            next = (next + SEED_VOTES[t]) % CITIES;
        }
        return topics;
    }

    static boolean willing(int i) {
        return i % 5 == 0;
    }

    static int coordinateTopic(int i) {
        return (i / 5) % 12 + 1;
    }

    /** Creates the 101 cities (member CSV import) and returns the answers file naming them by externalId. */
    static String fixture(String tag) {
        StringBuilder members = new StringBuilder("externalId,name,country,yearJoined\r\n");
        for (int i = 0; i < CITIES; i++) {
            members.append(tag).append('-').append(i).append(',').append(tag).append(" City ").append(i).append(',')
                    .append(COUNTRIES.get(i % COUNTRIES.size())).append(",2018\r\n");
        }
        Surveys.upload(members.toString()).post("/api/members/import").then().statusCode(201).body("created", equalTo(CITIES));
        List<Set<Integer>> topics = fixtureTopics();
        StringBuilder answers = new StringBuilder(ANSWER_HEADER);
        for (int i = 0; i < CITIES; i++) {
            answers.append(",").append(tag).append('-').append(i).append(",,,,")
                    .append(String.join(";", topics.get(i).stream().map(String::valueOf).toList())).append(',')
                    .append(willing(i)).append(',').append(willing(i) ? String.valueOf(coordinateTopic(i)) : "").append(",,")
                    .append(i % 2 == 0).append(',').append(i % 3 == 0 ? "yes" : "no").append(',').append(i % 4 == 0).append(',')
                    .append(i % 6 == 0).append(',').append(i % 10 == 0 ? "1" : "0").append(',')
                    .append(i % 25 == 0 ? "\"Study visits, in spring\"" : "").append("\r\n");
        }
        return answers.toString();
    }

    @Test
    void theResultsReproduceTheStrategysFigures() {
        String tag = "S19" + UUID.randomUUID().toString().substring(0, 6);
        long term = Clusters.term("2019-09-01", "2021-08-31");
        long survey = Surveys.survey(term, LocalDate.of(2019, 1, 15), LocalDate.of(2019, 3, 31));
        String answers = fixture(tag);
        Surveys.upload(answers).post(Surveys.path(survey) + "/answers/import").then().statusCode(201)
                .body("created", equalTo(CITIES)).body("errors.size()", equalTo(0));

        JsonPath results = given().get(Surveys.path(survey) + "/results").then().statusCode(200).extract().jsonPath();
        assertEquals(101, results.getInt("respondents"));
        assertEquals(37, results.getInt("countries"));
        assertEquals(5, results.getInt("regionsCovered"));
        List<Integer> votes = results.getList("topics.votes", Integer.class);
        assertEquals(List.of(60, 29, 10, 14, 10, 29, 36, 34, 10, 15, 29, 16), votes);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), results.getList("topics.topic", Integer.class));
        // The strategy's groupings: equity and inclusion 59 (youth 15, elderly 14, migrants 10,
        // digitally excluded 10, gender 10); educational planning, monitoring and evaluation 45 (29 + 16).
        assertEquals(59, votes.get(9) + votes.get(3) + votes.get(4) + votes.get(8) + votes.get(2));
        assertEquals(45, votes.get(10) + votes.get(11));
        // The four official groups: votes are the sums of their topics' votes.
        assertEquals(List.of(60 + 29, 10 + 14 + 10 + 29 + 36, 34 + 10 + 15, 29 + 16), results.getList("groups.votes", Integer.class));
        assertEquals(292, votes.stream().mapToInt(Integer::intValue).sum());

        // Cities per group and per region, and the rest of the figures, counted from the fixture itself.
        List<Set<Integer>> topics = fixtureTopics();
        int[][] groupOf = {{1, 2}, {3, 4, 5, 6, 7}, {8, 9, 10}, {11, 12}};
        List<Integer> groupCities = new ArrayList<>();
        for (int[] group : groupOf) {
            int n = 0;
            for (Set<Integer> chosen : topics) {
                for (int t : group) {
                    if (chosen.contains(t)) {
                        n++;
                        break;
                    }
                }
            }
            groupCities.add(n);
        }
        assertEquals(groupCities, results.getList("groups.cities", Integer.class));
        assertTrue(topics.stream().noneMatch(Set::isEmpty), "every fixture city chose at least one topic");
        assertEquals(List.of("AFRICA", "ARAB_STATES", "ASIA_PACIFIC", "EUROPE_NORTH_AMERICA", "LATIN_AMERICA_CARIBBEAN"),
                results.getList("regions.region", String.class));
        assertEquals(List.of(respondentsIn(0, 7), respondentsIn(7, 12), respondentsIn(12, 23), respondentsIn(23, 34), respondentsIn(34, 37)),
                results.getList("regions.respondents", Integer.class));

        int willing = 0;
        int[] volunteers = new int[13];
        int[] items = new int[6];
        for (int i = 0; i < CITIES; i++) {
            if (willing(i)) {
                willing++;
                volunteers[coordinateTopic(i)]++;
            }
            items[0] += i % 2 == 0 ? 1 : 0;
            items[1] += i % 3 == 0 ? 1 : 0;
            items[2] += i % 4 == 0 ? 1 : 0;
            items[3] += i % 6 == 0 ? 1 : 0;
            items[4] += i % 10 == 0 ? 1 : 0;
            items[5] += i % 25 == 0 ? 1 : 0;
        }
        assertEquals(willing, results.getInt("willingToCoordinate"));
        for (int t = 1; t <= 12; t++) {
            assertEquals(volunteers[t], results.getInt("topics[" + (t - 1) + "].willingToCoordinate"), "volunteers for topic " + t);
        }
        assertEquals(List.of(items[0], items[1], items[2], items[3], items[4], items[5]),
                List.of(results.getInt("questionnaire.hostExpertsMeeting"), results.getInt("questionnaire.hostExchangeActivities"),
                        results.getInt("questionnaire.capacityBuildingWorkshop"), results.getInt("questionnaire.researchCaseStudies"),
                        results.getInt("questionnaire.financialContribution"), results.getInt("questionnaire.other")));

        // The same figures as CSV.
        String csv = given().accept("text/csv").get(Surveys.path(survey) + "/results").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith("section,key,label,count\r\n"), csv);
        assertTrue(csv.contains("summary,respondents,Respondents,101\r\n"), csv);
        assertTrue(csv.contains("summary,countries,Countries,37\r\n"), csv);
        assertTrue(csv.contains("summary,regionsCovered,UNESCO regions covered,5\r\n"), csv);
        assertTrue(csv.contains("topic,1,Education for Sustainable Development (ESD),60\r\n"), csv);
        assertTrue(csv.contains("topic,12,Monitoring and evaluation,16\r\n"), csv);
        assertTrue(csv.contains("groupVotes,4,Learning city planning and management,45\r\n"), csv);
    }

    /** Fixture cities whose country index (i mod 37) lies in [from, to). */
    private static int respondentsIn(int from, int to) {
        int n = 0;
        for (int i = 0; i < CITIES; i++) {
            int c = i % COUNTRIES.size();
            if (c >= from && c < to) {
                n++;
            }
        }
        return n;
    }

    @Test
    void clusterVolunteersCountCitiesNamingTheClusterOrOneOfItsTopics() {
        long term = Clusters.term("2038-01-01", "2039-12-31");
        long survey = Surveys.survey(term, LocalDate.now().minusDays(1), LocalDate.now().plusDays(1));
        long cluster = Clusters.cluster(Clusters.unique("Planning"));   // topics 1 and 11
        long byTopic = Clusters.city("A", "KE");
        long byCluster = Clusters.city("B", "FR");
        long both = Clusters.city("C", "CO");
        long unwilling = Clusters.city("D", "EG");
        put(survey, byTopic, Surveys.answer(List.of(11), true, List.of(11), List.of()));
        put(survey, byCluster, Surveys.answer(List.of(2), true, List.of(), List.of(cluster)));
        put(survey, both, Surveys.answer(List.of(1), true, List.of(1, 11), List.of(cluster)));
        put(survey, unwilling, Surveys.answer(List.of(1), false, List.of(), List.of()));
        JsonPath results = given().get(Surveys.path(survey) + "/results").then().extract().jsonPath();
        Map<String, Object> row = results.getMap("clusters.find { it.clusterId == " + cluster + " }");
        assertEquals(3, row.get("willingToCoordinate"), "each willing city once, however it named the cluster");
        assertEquals(3, results.getInt("willingToCoordinate"));
        assertEquals(2, results.getInt("topics[10].willingToCoordinate"));
        assertEquals(4, results.getInt("regionsCovered"));
        assertEquals(List.of(3, 0, 0, 1), results.getList("groups.cities", Integer.class));
    }

    private static void put(long survey, long city, Map<String, Object> answer) {
        as("sam", "secretariat").contentType("application/json").body(answer).put(Surveys.path(survey) + "/answers/" + city)
                .then().statusCode(201);
    }
}
