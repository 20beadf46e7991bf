package org.learningcities.clusters;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learningcities.members.Members;

@QuarkusTest
class ClusterRulesTest {

    @Test
    void twoCoordinatorsPerClusterAndTermAndTheyAreMembers() {
        long term = Clusters.term("2040-01-01", "2041-12-31");
        long cluster = Clusters.cluster(Clusters.unique("Literacy"));
        long first = Clusters.city("Cork", "IE");
        long second = Clusters.city("Osan", "KR");
        long third = Clusters.city("Turin", "IT");
        Clusters.appoint(cluster, term, first);
        Clusters.appoint(cluster, term, second);
        as("sam", "secretariat").contentType("application/json").body(Map.of("memberId", third))
                .post(Clusters.path(cluster, term) + "/coordinators").then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/problems/two-coordinators"));

        given().get(Clusters.path(cluster, term) + "/coordinators").then().statusCode(200)
                .body("items.memberId", containsInAnyOrder((int) first, (int) second));
        given().get(Clusters.path(cluster, term) + "/members").then().statusCode(200)
                .body("items.memberId", containsInAnyOrder((int) first, (int) second))
                .body("items.coordinator", contains(true, true));

        // Removing one makes room; the removed city stays a member.
        as("sam", "secretariat").delete(Clusters.path(cluster, term) + "/coordinators/" + second).then().statusCode(204);
        Clusters.appoint(cluster, term, third);
        given().get(Clusters.path(cluster, term) + "/members").then().body("items", hasSize(3));
    }

    @Test
    void aCityCoordinatesOneClusterAtATime() {
        long term = Clusters.term("2040-01-01", "2041-12-31");
        long overlapping = Clusters.term("2041-06-01", "2043-05-31");
        long later = Clusters.term("2044-01-01", "2045-12-31");
        String firstName = Clusters.unique("Citizenship education");
        long firstCluster = Clusters.cluster(firstName);
        long secondCluster = Clusters.cluster(Clusters.unique("Entrepreneurship"));
        long city = Clusters.city("Larissa", "GR");
        Clusters.appoint(firstCluster, term, city);

        as("sam", "secretariat").contentType("application/json").body(Map.of("memberId", city))
                .post(Clusters.path(secondCluster, overlapping) + "/coordinators").then().statusCode(409)
                .body("type", endsWith("/problems/one-coordination")).body("detail", containsString(firstName));
        given().get(Clusters.path(secondCluster, overlapping) + "/coordinators").then().body("items", hasSize(0));

        // A term that does not overlap is another time.
        Clusters.appoint(secondCluster, later, city);
    }

    @Test
    void aCityIsInAtMostThreeClustersAtATimeAndLeavingIsDated() {
        long term = Clusters.term("2040-01-01", "2041-12-31");
        long city = Clusters.city("Medellin", "CO");
        Members.linkFocalPoint(city, "fp-" + city);
        List<Long> clusters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clusters.add(Clusters.cluster(Clusters.unique("Cluster " + i)));
        }
        for (int i = 0; i < 3; i++) {
            as("fp-" + city, "focal-point").contentType("application/json")
                    .body(Map.of("memberId", city, "joinedOn", "2040-02-01"))
                    .post(Clusters.path(clusters.get(i), term) + "/members").then().statusCode(201)
                    .body("joinedOn", equalTo("2040-02-01")).body("leftOn", equalTo(null));
        }
        Map<String, Object> join = Map.of("memberId", city, "joinedOn", "2040-03-01");
        as("fp-" + city, "focal-point").contentType("application/json").body(join)
                .post(Clusters.path(clusters.get(3), term) + "/members").then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/problems/three-clusters"));

        // Appointing as coordinator would make it a fourth membership too.
        as("sam", "secretariat").contentType("application/json").body(Map.of("memberId", city))
                .post(Clusters.path(clusters.get(3), term) + "/coordinators").then().statusCode(409)
                .body("type", endsWith("/problems/three-clusters"));

        as("fp-" + city, "focal-point").contentType("application/json").body(Map.of("leftOn", "2040-01-15"))
                .post(Clusters.path(clusters.get(0), term) + "/members/" + city + "/leave").then().statusCode(422);
        as("fp-" + city, "focal-point").contentType("application/json").body(Map.of("leftOn", "2040-02-28"))
                .post(Clusters.path(clusters.get(0), term) + "/members/" + city + "/leave").then().statusCode(200)
                .body("leftOn", equalTo("2040-02-28"));
        as("fp-" + city, "focal-point").contentType("application/json").body(Map.of("leftOn", "2040-03-01"))
                .post(Clusters.path(clusters.get(0), term) + "/members/" + city + "/leave").then().statusCode(409);
        as("fp-" + city, "focal-point").contentType("application/json").body(join)
                .post(Clusters.path(clusters.get(3), term) + "/members").then().statusCode(201);

        // Joining twice is refused; the left membership is still listed with its date.
        as("fp-" + city, "focal-point").contentType("application/json").body(join)
                .post(Clusters.path(clusters.get(3), term) + "/members").then().statusCode(409);
        given().get(Clusters.path(clusters.get(0), term) + "/members").then()
                .body("items[0].leftOn", equalTo("2040-02-28"));
    }

    @Test
    void theRegionalBalanceCountsMembersAndCoordinatorsPerRegion() {
        long term = Clusters.term("2040-01-01", "2041-12-31");
        long cluster = Clusters.cluster(Clusters.unique("Health"));
        long cork = Clusters.city("Cork", "IE");
        long osan = Clusters.city("Osan", "KR");
        long turin = Clusters.city("Turin", "IT");
        Clusters.appoint(cluster, term, cork);
        Clusters.appoint(cluster, term, osan);
        as("sam", "secretariat").contentType("application/json").body(Map.of("memberId", turin, "joinedOn", "2040-05-01"))
                .post(Clusters.path(cluster, term) + "/members").then().statusCode(201);

        given().get(Clusters.path(cluster, term) + "/balance").then().statusCode(200)
                .body("members", equalTo(3)).body("coordinators", equalTo(2))
                .body("sameRegionCoordinators", equalTo(false))
                .body("regions.find { it.region == 'EUROPE_NORTH_AMERICA' }.members", equalTo(2))
                .body("regions.find { it.region == 'EUROPE_NORTH_AMERICA' }.coordinators", equalTo(1))
                .body("regions.find { it.region == 'ASIA_PACIFIC' }.members", equalTo(1))
                .body("regions.find { it.region == 'AFRICA' }.members", equalTo(0));

        as("sam", "secretariat").delete(Clusters.path(cluster, term) + "/coordinators/" + osan).then().statusCode(204);
        Clusters.appoint(cluster, term, turin);
        given().get(Clusters.path(cluster, term) + "/balance").then()
                .body("sameRegionCoordinators", equalTo(true))
                .body("regions.find { it.region == 'EUROPE_NORTH_AMERICA' }.coordinators", equalTo(2));
    }
}
