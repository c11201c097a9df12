package org.bestplace.database;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import java.util.concurrent.ThreadLocalRandom;
import org.bestplace.operations.Metrics;
import org.bestplace.operations.Metrics.Conflict;

/**
 * See {@link RetryOnConflict}. Placed outside the transaction interceptor (which Quarkus runs at
 * {@code PLATFORM_BEFORE + 200}), so each attempt begins and ends a transaction of its own.
 */
@RetryOnConflict
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
class RetryOnConflictInterceptor {

    /**
     * Deadlocks come in bursts under load; five attempts were enough on one server. On a Galera
     * cluster whose every node takes writes, registrations in one audit all write its row (the
     * case numbers), and one can lose several certifications in a row: eight attempts, with a
     * growing pause between them, have been enough in deploy/galera's multi-writer step.
     */
    static final int ATTEMPTS = 8;

    /** The longest pause before an attempt, in milliseconds. */
    static final long LONGEST_PAUSE_MS = 200;

    @Inject
    TransactionManager transactions;

    @Inject
    Metrics metrics;

    @AroundInvoke
    Object retry(InvocationContext call) throws Exception {
        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return call.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return call.proceed();
            } catch (Exception e) {
                // A lock wait has already held the caller for the server's whole timeout: one more
                // wait at most, then the caller hears 409 and may try again itself.
                Conflict conflict = SqlErrors.isDeadlock(e) ? Conflict.DEADLOCK
                        : SqlErrors.isDuplicateKey(e) ? Conflict.DUPLICATE_KEY
                        : SqlErrors.isLockWaitTimeout(e) && attempt == 1 ? Conflict.LOCK_WAIT_TIMEOUT : null;
                if (conflict == null || attempt >= ATTEMPTS) {
                    throw e;
                }
                metrics.conflictRetried(conflict);
                pause(attempt);
            }
        }
    }

    /**
     * A random pause of up to 5, 10, 20 ... ms (at most {@link #LONGEST_PAUSE_MS}), so writes that
     * collided do not all come back at the same moment and collide again.
     */
    private static void pause(int attempt) throws InterruptedException {
        long longest = Math.min(LONGEST_PAUSE_MS, 5L << (attempt - 1));
        Thread.sleep(ThreadLocalRandom.current().nextLong(longest + 1));
    }
}
