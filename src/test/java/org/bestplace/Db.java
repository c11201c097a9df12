package org.bestplace;

import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/** Reads one value straight from the database, so a test checks the row a user's action left. */
public final class Db {

    private Db() {
    }

    /** The first column of the first row, as an object ({@code null} when there is no row). */
    public static Object value(DataSource dataSource, String sql, Object... args) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (var result = statement.executeQuery()) {
                return result.next() ? result.getObject(1) : null;
            }
        }
    }

    /** Runs an UPDATE or DELETE; returns how many rows it changed. */
    public static int execute(DataSource dataSource, String sql, Object... args) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** A count or id: the first column of the first row as a number. */
    public static long number(DataSource dataSource, String sql, Object... args) throws SQLException {
        return ((Number) value(dataSource, sql, args)).longValue();
    }

    /**
     * Activity-log rows of one event for one user. Sign-ins are written by a worker after the
     * answer has gone, so this waits up to five seconds for the first row.
     */
    public static long activity(DataSource dataSource, String event, String username) {
        return await().alias(event + " of " + username + " in the activity log").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100)).until(() -> number(dataSource,
                        "select count(*) from activity_log where event = ? and username = ?", event, username),
                        found -> found > 0);
    }
}
