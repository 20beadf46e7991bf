package org.learningcities.toolkits;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learningcities.testsupport.Api.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Search latency with 10,000 resources (each in English and French: 20,000 search rows), measured
 * through HTTP on the embedded MariaDB. Run on demand:
 * {@code mvn test -Dtest=SearchLatencyTest -Dlc.bench=true}; prints median and 95th percentile.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "lc.bench", matches = "true")
class SearchLatencyTest {

    private static final String WORDS = "'literacy','mentoring','volunteers','apprenticeship','numeracy','citizenship',"
            + "'entrepreneurship','wellbeing','migration','dropout'";
    private static final String MOTS = "'alphabétisation','tutorat','bénévoles','apprentissage','numératie','citoyenneté',"
            + "'entrepreneuriat','bien-être','migration','décrochage'";

    @Inject
    EntityManager em;

    @Test
    void searchOverTenThousandResources() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO resource_item (external_id, type, original_language, body_json)"
                    + " SELECT CONCAT('BENCH-', seq), 'REPORT', 'en', '{}' FROM seq_1_to_10000").executeUpdate();
            em.createNativeQuery("INSERT INTO search_entry (kind, ref_id, language, original_language, own_title, visible, title, body, topics, target_groups, resource_type)"
                    + " SELECT 'RESOURCE', r.id, 'en', 'en', 1, 1,"
                    + " CONCAT('Report ', s.seq, ' on ', ELT(1 + s.seq % 10, " + WORDS + "), ' in learning cities'),"
                    + " CONCAT('A summary about ', ELT(1 + (s.seq * 7) % 10, " + WORDS + "), ' and ', ELT(1 + (s.seq * 3) % 10, " + WORDS + "),"
                    + "        ' for practitioners of lifelong learning in cities, written by partners of project ', s.seq % 97),"
                    + " CONCAT(' ', 1 + s.seq % 12, ' '), ' NEET ', 'REPORT'"
                    + " FROM seq_1_to_10000 s JOIN resource_item r ON r.external_id = CONCAT('BENCH-', s.seq)").executeUpdate();
            em.createNativeQuery("INSERT INTO search_entry (kind, ref_id, language, original_language, own_title, visible, title, body, topics, target_groups, resource_type)"
                    + " SELECT 'RESOURCE', r.id, 'fr', 'en', 1, 1,"
                    + " CONCAT('Rapport ', s.seq, ' sur ', ELT(1 + s.seq % 10, " + MOTS + "), ' dans les villes apprenantes'),"
                    + " CONCAT('Un résumé sur ', ELT(1 + (s.seq * 7) % 10, " + MOTS + "), ' et ', ELT(1 + (s.seq * 3) % 10, " + MOTS + ")),"
                    + " CONCAT(' ', 1 + s.seq % 12, ' '), ' NEET ', 'REPORT'"
                    + " FROM seq_1_to_10000 s JOIN resource_item r ON r.external_id = CONCAT('BENCH-', s.seq)").executeUpdate();
        });
        List<String> queries = List.of("literacy", "mentoring volunteers", "decrochage", "appren", "learning cities", "report");
        for (String q : queries) {
            given().queryParam("q", q).get("/api/search").then().statusCode(200); // warm up
        }
        for (String q : queries) {
            List<Long> times = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                total = given().queryParam("q", q).get("/api/search").then().statusCode(200).extract().jsonPath().getLong("total");
                times.add((System.nanoTime() - start) / 1_000_000);
            }
            Collections.sort(times);
            System.out.printf("SEARCH-LATENCY q=%-22s matches=%6d median=%4d ms p95=%4d ms%n", "'" + q + "'", total, times.get(10), times.get(18));
            assertTrue(times.get(18) < 5000, "p95 for " + q);
        }
    }
}
