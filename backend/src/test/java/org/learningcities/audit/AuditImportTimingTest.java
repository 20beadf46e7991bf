package org.learningcities.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import org.jboss.logging.Logger;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.learningcities.members.MemberImport;

/**
 * Every row of a member import is audited (created, then updated) and every new city gets its
 * first status entry. The default run imports 1,100 rows; with {@code -Dlc.bench=true} it imports and times 10,000 (a measurement, not a unit test:
 * it would also crowd the shared test database).
 */
@QuarkusTest
class AuditImportTimingTest {

    private static final Logger LOG = Logger.getLogger(AuditImportTimingTest.class);
    private static final String HEADER = "externalId,name,localName,country,population,areaKm2,yearJoined,status,website,"
            + "latitude,longitude,languages,mayorName,mayorTitle,topics,lastProgressReport\r\n";
    private static final String[] COUNTRIES = {"FR", "DE", "IT", "ES", "BR", "CN", "KE", "NG", "US", "MX"};

    @Inject
    MemberImport memberImport;

    @Inject
    jakarta.persistence.EntityManager em;

    static String csv(String tag, int rows, int population) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            csv.append(tag).append('-').append(i).append(',').append(tag).append(" City ").append(i).append(",,")
                    .append(COUNTRIES[i % COUNTRIES.length]).append(',').append(population + i).append(",12.5,2019,MEMBER,,,,en;fr,,,1;")
                    .append(2 + i % 10).append(",\r\n");
        }
        return csv.toString();
    }

    private long[] timed(String csv) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> memberImport.run(csv, false));
        return new long[] {(System.nanoTime() - start) / 1_000_000, (os.getProcessCpuTime() - cpu) / 1_000_000};
    }

    private long audited(String tag, String action) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'member_city' AND action = ?1"
                + " AND entity_id IN (SELECT CAST(id AS CHAR) COLLATE utf8mb4_unicode_ci FROM member_city WHERE external_id LIKE ?2)")
                .setParameter(1, action).setParameter(2, tag + "-%").getSingleResult()).longValue();
    }

    @Test
    void tenThousandMembersImport() {
        String tag = "T" + UUID.randomUUID().toString().substring(0, 6);
        // More rows than one chunk of the import's batched writes (1,000), so chunk boundaries are crossed.
        int rows = Boolean.getBoolean("lc.bench") ? 10_000 : 1_100;
        long[] created = timed(csv(tag, rows, 1000));
        long[] updated = timed(csv(tag, rows, 5000));
        assertEquals(rows, audited(tag, "CREATE"));
        assertEquals(rows, audited(tag, "UPDATE"));
        assertEquals(rows, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM member_status_change c JOIN member_city m"
                + " ON m.id = c.member_id WHERE m.external_id LIKE ?1 AND c.reason = 'Added by CSV import' AND c.from_status IS NULL")
                .setParameter(1, tag + "-%").getSingleResult()).longValue(), "one first status entry per new city");
        assertEquals(rows * 2L, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM member_topic t JOIN member_city m"
                + " ON m.id = t.member_id WHERE m.external_id LIKE ?1").setParameter(1, tag + "-%").getSingleResult()).longValue());
        LOG.infof("IMPORT TIMING: %d created in %d ms (JVM CPU %d ms), %d updated in %d ms (JVM CPU %d ms)",
                rows, created[0], created[1], rows, updated[0], updated[1]);
    }
}
