package org.bestplace.database;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * What MariaDB meant by an error, read from the causes of whatever Hibernate, the transaction
 * manager or CDI wrapped it in. Only codes are read, never the message: a duplicate key's message
 * quotes the key, which may be a keyed hash of a patient's local identifier.
 *
 * <p>An error at COMMIT is not a cause of what the service sees: the transaction manager throws a
 * RollbackException and keeps the resource's failure (an XAException caused by the driver's
 * SQLException) among its suppressed exceptions. That is where a Galera cluster reports a
 * transaction that lost certification to a write committed first on another node (1213, as a
 * deadlock), so suppressed exceptions are searched as well as causes.
 */
public final class SqlErrors {

    /** ER_DUP_ENTRY: a unique key already holds the value. */
    static final int DUPLICATE_KEY = 1062;
    /** ER_LOCK_DEADLOCK: MariaDB (or Galera, on a certification failure) rolled the transaction back. */
    static final int DEADLOCK = 1213;
    /** ER_LOCK_WAIT_TIMEOUT: a lock was not granted within innodb_lock_wait_timeout. */
    static final int LOCK_WAIT_TIMEOUT = 1205;

    private SqlErrors() {
    }

    /** Chosen as a deadlock's victim: the whole transaction was rolled back and may run again. */
    public static boolean isDeadlock(Throwable error) {
        SQLException sql = sqlCause(error);
        return sql != null && (sql.getErrorCode() == DEADLOCK || "40001".equals(sql.getSQLState()));
    }

    public static boolean isLockWaitTimeout(Throwable error) {
        SQLException sql = sqlCause(error);
        return sql != null && sql.getErrorCode() == LOCK_WAIT_TIMEOUT;
    }

    /** A unique key refused the row: another transaction stored the same thing first. */
    public static boolean isDuplicateKey(Throwable error) {
        SQLException sql = sqlCause(error);
        return sql != null && sql.getErrorCode() == DUPLICATE_KEY;
    }

    /** The first SQLException among the causes and suppressed exceptions, breadth first; each looked at once. */
    private static SQLException sqlCause(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        if (error != null) {
            next.add(error);
        }
        while (!next.isEmpty()) {
            Throwable current = next.poll();
            if (!seen.add(current)) {
                continue;
            }
            if (current instanceof SQLException sql) {
                return sql;
            }
            if (current.getCause() != null) {
                next.add(current.getCause());
            }
            Collections.addAll(next, current.getSuppressed());
        }
        return null;
    }
}
