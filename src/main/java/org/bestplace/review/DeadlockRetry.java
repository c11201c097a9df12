package org.bestplace.review;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Runs a whole transaction again when MariaDB chose it as the victim of a deadlock (SQL state
 * 40001), as MariaDB asks. Reviews written at once by many tablets take locks on the same
 * summary, place and pair cells, so now and then two of them deadlock; the victim was rolled back
 * entirely, so running it again is safe, and the client sees one answer.
 */
final class DeadlockRetry {

    private static final int ATTEMPTS = 5;

    private DeadlockRetry() {
    }

    /** {@code transaction} must start and end its own transaction. */
    static <T> T run(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isDeadlock(e)) {
                    throw e;
                }
            }
        }
    }

    static boolean isDeadlock(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
