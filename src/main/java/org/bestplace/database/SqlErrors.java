package org.bestplace.database;

import java.sql.SQLException;

/**
 * What MariaDB meant by an error, read from the causes of whatever Hibernate, the transaction
 * manager or CDI wrapped it in. Only codes are read, never the message: a duplicate key's message
 * quotes the key, which may be a keyed hash of a patient's local identifier.
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

    private static SQLException sqlCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
            if (cause.getCause() == cause) {
                return null;
            }
        }
        return null;
    }
}
