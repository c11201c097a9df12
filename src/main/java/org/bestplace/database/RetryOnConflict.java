package org.bestplace.database;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@code @Transactional} service method again, from the start and in a new transaction,
 * when it lost a race in the database: chosen as a deadlock's victim, a lock wait that timed out,
 * or a unique key taken by a transaction that committed first. The attempt that lost was rolled
 * back whole, so the next one reads what the winner stored and answers as if it had come after:
 * the same result for an idempotent write, the method's own 409 for one that is not.
 * Where the method runs inside a caller's transaction, only that caller can start over, so the
 * method then runs once.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RetryOnConflict {
}
