package org.learningcities.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.learningcities.testsupport.Api.as;
import static org.learningcities.testsupport.Api.given;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.learningcities.members.Members;

/** The three-clusters rule holds when a city's joins race (the city row is locked before counting). */
@QuarkusTest
class ClusterConcurrencyTest {

    @Test
    void sixSimultaneousJoinsOfOneCityLetExactlyThreeThrough() throws Exception {
        long term = Clusters.term("2050-01-01", "2051-12-31");
        long city = Clusters.city("Racing", "KE");
        Members.linkFocalPoint(city, "fp-" + city);
        List<Long> clusters = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clusters.add(Clusters.cluster(Clusters.unique("Race " + i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> joins = new ArrayList<>();
            for (long cluster : clusters) {
                joins.add(() -> as("fp-" + city, "focal-point").contentType("application/json")
                        .body(Map.of("memberId", city, "joinedOn", "2050-02-01"))
                        .post(Clusters.path(cluster, term) + "/members").then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(joins)) {
                statuses.add(answer.get());
            }
            assertEquals(3, statuses.stream().filter(s -> s == 201).count(), "statuses " + statuses);
            assertEquals(3, statuses.stream().filter(s -> s == 409).count(), "statuses " + statuses);
        } finally {
            pool.shutdownNow();
        }
        long memberships = clusters.stream().filter(cluster -> given().get(Clusters.path(cluster, term) + "/members")
                .then().extract().<List<?>>path("items").size() == 1).count();
        assertEquals(3, memberships);
    }
}
