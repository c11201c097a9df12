package org.bestplace.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/**
 * The classification RetryOnConflict and the 409 answers rest on, for the shapes in which the
 * driver's error reaches the service. On a Galera cluster a transaction that loses certification
 * is refused at COMMIT, not at a statement: MariaDB answers the commit with 1213 (SQL state
 * 40001), the pool's local transaction turns that into an XAException, and the transaction
 * manager throws a RollbackException that carries the XAException as a suppressed exception
 * (its "deferred throwables"), not as its cause.
 */
class SqlErrorsTest {

    static SQLException deadlock() {
        return new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction",
                "40001", 1213);
    }

    /** What the transaction manager throws when the one resource refused the commit. */
    static RollbackException refusedAtCommit(SQLException refusal) {
        XAException xa = new XAException("Error trying to transactionCommit local transaction: " + refusal.getMessage());
        xa.errorCode = XAException.XA_RBROLLBACK;
        xa.initCause(refusal);
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        return rollback;
    }

    @Test
    void aDeadlockAtAStatementIsADeadlockHoweverWrapped() {
        RuntimeException wrapped = new RuntimeException(new jakarta.persistence.PersistenceException(deadlock()));
        assertTrue(SqlErrors.isDeadlock(wrapped));
        assertFalse(SqlErrors.isDuplicateKey(wrapped));
    }

    @Test
    void aCertificationConflictRefusedAtCommitIsADeadlock() {
        RollbackException atCommit = refusedAtCommit(deadlock());
        assertTrue(SqlErrors.isDeadlock(atCommit), "the refusal is a suppressed exception of the rollback");
        // As the transactional interceptor rethrows it, wrapped once more.
        assertTrue(SqlErrors.isDeadlock(new jakarta.transaction.TransactionalException("commit failed", atCommit)));
    }

    @Test
    void aLockWaitTimeoutAtCommitIsALockWaitTimeout() {
        assertTrue(SqlErrors.isLockWaitTimeout(refusedAtCommit(new SQLException("Lock wait timeout exceeded", "HY000",
                1205))));
    }

    @Test
    void otherFailuresAreNoConflict() {
        RollbackException other = refusedAtCommit(new SQLException("Connection reset", "08S01", 0));
        assertFalse(SqlErrors.isDeadlock(other));
        assertFalse(SqlErrors.isLockWaitTimeout(other));
        assertFalse(SqlErrors.isDuplicateKey(other));
        assertFalse(SqlErrors.isDeadlock(new RollbackException("marked for rollback only")));
    }
}
