package org.learningcities.toolkits;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learningcities.testsupport.Api.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A search ranks at most {@link SearchIndex#CANDIDATES} texts of content: past that, the total
 * is a lower bound and the answer says so (totalIsEstimate); below it, the total is exact.
 */
@QuarkusTest
class SearchCapTest {

    private static final int RESOURCES = 400; // x 3 languages = 1,200 texts, more than the cap

    @Inject
    EntityManager em;

    @Test
    void aWordInMoreTextsThanASearchRanksGivesALowerBoundMarkedAsSuch() {
        StringBuilder word = new StringBuilder("zc"); // letters only, always 8 of them
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 6).toCharArray()) {
            word.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        String w = word.toString();
        String prefix = "CAP-" + w + "-";
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO resource_item (external_id, type, original_language, body_json)"
                    + " SELECT CONCAT(?1, seq), 'GUIDE', 'en', '{}' FROM seq_1_to_" + RESOURCES).setParameter(1, prefix).executeUpdate();
            // Every language has its own title, so these rows never show as missing a translation elsewhere.
            // Topic 3 only on every 40th resource: 10 resources, 30 texts, far below the cap.
            em.createNativeQuery("INSERT INTO search_entry (kind, ref_id, language, original_language, own_title, visible, title, body,"
                            + " topics, target_groups, resource_type)"
                            + " SELECT 'RESOURCE', r.id, l.language, 'en', 1, 1, CONCAT('Guide ', ?2, ' ', s.seq), 'A short summary',"
                            + " IF(s.seq % 40 = 0, ' 3 ', ' 5 '), ' ', 'GUIDE'"
                            + " FROM seq_1_to_" + RESOURCES + " s JOIN resource_item r ON r.external_id = CONCAT(?1, s.seq)"
                            + " CROSS JOIN (SELECT 'en' AS language UNION ALL SELECT 'fr' UNION ALL SELECT 'es') l")
                    .setParameter(1, prefix).setParameter(2, w).executeUpdate();
        });
        try {
            var first = given().queryParam("q", w).queryParam("size", 200).get("/api/search").then().statusCode(200).extract().jsonPath();
            assertTrue(first.getBoolean("totalIsEstimate"), "1,200 matching texts is more than a search ranks");
            long total = first.getLong("total");
            assertTrue(total >= SearchIndex.CANDIDATES / 3 && total <= RESOURCES, "results among the best 1,000 texts: " + total);
            List<Long> ids = first.getList("items.id", Long.class);
            assertEquals(200, ids.size());
            assertEquals(200, new HashSet<>(ids).size(), "one result per resource, whatever its languages");

            int lastPage = (int) ((total + 199) / 200);
            given().queryParam("q", w).queryParam("size", 200).queryParam("page", lastPage + 1).get("/api/search")
                    .then().statusCode(200).body("items", empty()).body("total", equalTo((int) total))
                    .body("totalIsEstimate", equalTo(true));

            var narrow = given().queryParam("q", w).queryParam("topic", 3).get("/api/search").then().statusCode(200).extract().jsonPath();
            assertFalse(narrow.getBoolean("totalIsEstimate"), "a filter that leaves 30 texts gives an exact count");
            assertEquals(RESOURCES / 40, narrow.getInt("total"));
            assertEquals(RESOURCES / 40, narrow.getList("items").size());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("DELETE s FROM search_entry s JOIN resource_item r ON r.id = s.ref_id AND s.kind = 'RESOURCE'"
                        + " WHERE r.external_id LIKE ?1").setParameter(1, prefix + "%").executeUpdate();
                em.createNativeQuery("DELETE FROM resource_item WHERE external_id LIKE ?1").setParameter(1, prefix + "%").executeUpdate();
            });
        }
    }
}
