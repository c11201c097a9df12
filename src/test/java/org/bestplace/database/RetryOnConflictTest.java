package org.bestplace.database;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bestplace.Api;
import org.junit.jupiter.api.Test;

/**
 * Two writes that lock the same two rows in opposite order meet in a real deadlock in the
 * database: the one MariaDB rolls back runs again and both finish, and the retry is counted on
 * the management port, where the Galera drill reads how many conflicts were run again.
 */
@QuarkusTest
class RetryOnConflictTest {

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    OppositeLocks work;

    /** A write that locks one audit row, waits until the other write holds its row, then locks that one. */
    @ApplicationScoped
    static class OppositeLocks {

        @Inject
        EntityManager em;

        @RetryOnConflict
        @Transactional
        public void lockBoth(long first, long second, CyclicBarrier bothHoldOne, AtomicInteger attempts)
                throws Exception {
            int attempt = attempts.incrementAndGet();
            lock(first);
            if (attempt == 1) {
                bothHoldOne.await(20, TimeUnit.SECONDS);
            }
            lock(second);
        }

        /**
         * Refused as a lost certification is, by MariaDB itself through the driver (1213, 40001),
         * the first {@code losses} times; written once after that.
         */
        @RetryOnConflict
        @Transactional
        public void loseTimes(int losses, AtomicInteger attempts) {
            if (attempts.incrementAndGet() <= losses) {
                em.createNativeQuery("BEGIN NOT ATOMIC SIGNAL SQLSTATE '40001' SET MYSQL_ERRNO = 1213,"
                        + " MESSAGE_TEXT = 'Deadlock found when trying to get lock; try restarting transaction'; END")
                        .executeUpdate();
            }
        }

        void lock(long audit) {
            em.createNativeQuery("select id from audit where id = ?1 for update").setParameter(1, audit)
                    .getResultList();
        }
    }

    @Test
    void aDeadlockVictimRunsAgainAndTheRetryIsCounted() throws Exception {
        long a = Long.parseLong(Api.collectingAudit());
        long b = Long.parseLong(Api.collectingAudit());
        double before = retries();
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        AtomicInteger attemptsAb = new AtomicInteger();
        AtomicInteger attemptsBa = new AtomicInteger();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> done = two.invokeAll(List.of(
                    () -> {
                        work.lockBoth(a, b, bothHoldOne, attemptsAb);
                        return null;
                    },
                    () -> {
                        work.lockBoth(b, a, bothHoldOne, attemptsBa);
                        return null;
                    }), 60, TimeUnit.SECONDS);
            for (Future<Object> each : done) {
                each.get();
            }
        } finally {
            two.shutdownNow();
        }
        assertEquals(3, attemptsAb.get() + attemptsBa.get(), "one of the two ran twice");
        assertEquals(before + 1, retries(), "the retry is counted");
    }

    /**
     * On a cluster where every node takes writes, one hot row (an audit's case numbers) can make a
     * registration lose several certifications in a row: it is run again, after a growing pause,
     * up to seven times before the caller hears 409.
     */
    @Test
    void aWriteThatLosesSixTimesInARowIsStillWritten() {
        double before = retries();
        AtomicInteger attempts = new AtomicInteger();
        work.loseTimes(6, attempts);
        assertEquals(7, attempts.get());
        assertEquals(before + 6, retries());
    }

    double retries() {
        String exposition = given().get(metrics).then().statusCode(200).extract().asString();
        return exposition.lines().filter(l -> l.startsWith("bestplace_conflict_retries_total{")
                && l.contains("kind=\"deadlock\"")).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ')
                        + 1))).sum();
    }
}
