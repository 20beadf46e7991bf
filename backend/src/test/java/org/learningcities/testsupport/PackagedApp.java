package org.learningcities.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged API ({@code backend/target/quarkus-app/quarkus-run.jar}) as a child process, as it
 * runs in production: for the fault tests (kill -9, restart) and the benchmark.
 */
public final class PackagedApp implements AutoCloseable {

    private final Path jar;
    private final int port;
    private final Map<String, String> env;
    private final List<String> jvmOptions;
    private final Path log;
    private Process process;

    public PackagedApp(Path jar, int port, Map<String, String> env, List<String> jvmOptions, Path log) {
        this.jar = jar;
        this.port = port;
        this.env = env;
        this.jvmOptions = jvmOptions;
        this.log = log;
    }

    /** The jar below the backend folder, whichever folder the caller runs in (backend/ or the repository root). */
    public static Path findJar() {
        for (Path p : List.of(Path.of("target/quarkus-app/quarkus-run.jar"), Path.of("backend/target/quarkus-app/quarkus-run.jar"))) {
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath();
            }
        }
        throw new IllegalStateException("The packaged API is missing: run 'mvn package' (or make build) first.");
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Starts the process and waits until /q/health/ready answers 200. */
    public void start(Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().putAll(env);
        process = builder.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The API stopped while starting; see " + log);
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The API was not ready after " + timeout + "; see " + log);
    }

    public long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown hook, no transaction gets to finish. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux
        process.waitFor();
    }

    /** Resident memory of the process (VmRSS from /proc), in MB. */
    public long residentMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill9();
            }
        }
    }
}
