package org.bestplace.database;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * Whether a write lock must change its row. On one MariaDB server, SELECT ... FOR UPDATE is the
 * lock. On a Galera node it holds on that node only: two nodes can both grant "the" lock and both
 * commit, so there the lock also changes the row (its {@code lock_count}, V37), and the second of
 * two such transactions is refused at certification and run again. Read once at start from the
 * server's {@code wsrep_on}, so a single server's review write does not pay a statement it does
 * not need.
 */
@ApplicationScoped
public class ClusterLocks {

    private static final Logger LOG = Logger.getLogger(ClusterLocks.class);

    private static volatile boolean rowWrites;

    @Inject
    AgroalDataSource dataSource;

    void onStart(@Observes @Priority(5) StartupEvent event) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SHOW VARIABLES LIKE 'wsrep_on'")) {
            rowWrites = row.next() && "ON".equalsIgnoreCase(row.getString(2));
        } catch (SQLException e) {
            rowWrites = false;
            LOG.warnf("Could not tell whether the database is a Galera node (error %d); locking as on one server",
                    e.getErrorCode());
        }
        if (rowWrites) {
            LOG.info("The database is a Galera node: write locks change their row");
        }
    }

    /** True on a Galera node: a lock taken with SELECT ... FOR UPDATE must also change its row. */
    public static boolean rowWrites() {
        return rowWrites;
    }

    /** For tests on one server, which take the cluster's path to check it; returns the old value. */
    public static boolean rowWrites(boolean on) {
        boolean old = rowWrites;
        rowWrites = on;
        return old;
    }
}
