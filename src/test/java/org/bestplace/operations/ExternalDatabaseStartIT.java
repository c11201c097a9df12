package org.bestplace.operations;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bestplace.database.EmbeddedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged service as an operator would against an external database: without the
 * session key it must refuse to start and say why; with it, and with JSON logs switched on by
 * their one variable, every line it writes is a JSON object.
 */
class ExternalDatabaseStartIT {

    static EmbeddedDatabase database;
    static Path work;

    @BeforeAll
    static void startDatabase() throws IOException {
        Files.createDirectories(Path.of("target"));
        work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "external-start-");
        database = EmbeddedDatabase.start(work.resolve("mariadb"), work.resolve("database.password"), 0, true);
    }

    @AfterAll
    static void stopDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void withoutASessionKeyTheServiceRefusesToStartAndSaysWhy() throws Exception {
        Path log = work.resolve("no-session-key.log");
        Process process = start(Map.of(), log);
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "the service kept running without a session key");
        assertNotEquals(0, process.exitValue());
        String output = Files.readString(log);
        assertTrue(output.contains("No session encryption key: set QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"), output);
    }

    @Test
    void jsonLogsAreOneVariableAway() throws Exception {
        Path log = work.resolve("json.log");
        int port = freePort();
        Process process = start(Map.of("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "k".repeat(44),
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true", "QUARKUS_HTTP_PORT", String.valueOf(port)), log);
        try {
            awaitReady(process, port);
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        List<String> lines = Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
        ObjectMapper json = new ObjectMapper();
        assertTrue(lines.size() >= 3, lines.toString());
        boolean started = false;
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            assertTrue(entry.has("level") && entry.has("message") && entry.has("timestamp"), line);
            started |= entry.get("message").asText().contains("started in");
        }
        assertTrue(started, "no start line among " + lines.size() + " JSON lines");
        System.out.println("JSON log, first line: " + lines.get(0));
    }

    Process start(Map<String, String> extra, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("BESTPLACE_"));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", database.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        env.put("BESTPLACE_ADMIN_PASSWORD", "first-lead-secret-2026");
        env.put("BESTPLACE_PSEUDONYMISATION_KEY", "p".repeat(44));
        env.put("BESTPLACE_DATA_DIR", work.resolve("data").toString());
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("QUARKUS_MANAGEMENT_PORT", "0");
        env.putAll(extra);
        return builder.start();
    }

    static void awaitReady(Process process, int port) {
        HttpClient http = HttpClient.newHttpClient();
        // A refused connection is the service not listening yet.
        await().alias("the service ready").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                    assertTrue(process.isAlive(), "the service stopped while starting");
                    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                            .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                });
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
