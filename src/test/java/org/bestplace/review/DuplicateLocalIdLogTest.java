package org.bestplace.review;

import static org.awaitility.Awaitility.await;
import static org.bestplace.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bestplace.Api;
import org.bestplace.Db;
import org.bestplace.LogCapture;
import org.bestplace.security.Pseudonymiser;
import org.junit.jupiter.api.Test;

/**
 * Two registrations of one patient at the same moment: the second meets the database's unique
 * key on the local identifier's keyed hash. It is told so (409), and neither the identifier
 * nor its hash reaches the log.
 */
@QuarkusTest
class DuplicateLocalIdLogTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Pseudonymiser pseudonymiser;

    @Test
    void aDuplicateKeyOnTheLocalIdentifierIsA409AndLogsNeitherItNorItsHash() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String localId = "RXH-77341-QZA";
        String hash = pseudonymiser.hash(Long.parseLong(audit), localId);
        Map<String, Object> body = Map.of("ward", "Ward A", "specialty", "Cardiology", "ageBand", "65-74", "sex",
                "MALE", "admissionDate", "2026-11-01", "localId", localId);
        Response answer;
        try (LogCapture log = LogCapture.start(); Connection other = dataSource.getConnection()) {
            // The other registration holds the audit's row while this one reads, then commits the
            // same patient: this one has already checked for a duplicate and does not see it.
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select id from audit where id = ? for update")) {
                lock.setLong(1, Long.parseLong(audit));
                lock.executeQuery().close();
            }
            CompletableFuture<Response> registration = CompletableFuture.supplyAsync(() -> as(reviewer).body(body)
                    .post("/api/audits/" + audit + "/cases"), runnable -> new Thread(runnable).start());
            await().alias("the registration waits for the audit's row").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(20)).until(() -> {
                        assertTrue(!registration.isDone(), () -> "the registration did not wait: "
                                + registration.join().statusCode() + " " + registration.join().asString());
                        // The service's database user lacks PROCESS (innodb_trx), but sees its own sessions.
                        // The audit's lock is a change of its row (V37), or a SELECT ... FOR UPDATE.
                        return Db.number(dataSource, "select count(*) from information_schema.processlist"
                                + " where id <> connection_id() and (lower(info) like '%update audit set lock_count%'"
                                + " or lower(info) like '%audit%for update%')") > 0;
                    });
            try (PreparedStatement insert = other.prepareStatement("insert into patient_case (audit_id, case_number,"
                    + " ward, specialty, age_band, sex, admission_date, local_id_hash, created_by, created_at)"
                    + " values (?, 'RACE-1', 'Ward A', 'Cardiology', '65-74', 'MALE', '2026-11-01', ?, 'test', now())")) {
                insert.setLong(1, Long.parseLong(audit));
                insert.setString(2, hash);
                insert.executeUpdate();
            }
            other.commit();
            answer = registration.get(30, TimeUnit.SECONDS);
            // The database quotes at most 64 characters of a duplicate key, so look for the hash's start.
            String start = hash.substring(0, 16);
            List<String> records = log.records();
            assertTrue(records.stream().noneMatch(r -> r.contains(start)), () -> "the hash is in the log: "
                    + records.stream().filter(r -> r.contains(start)).map(r -> r.substring(0, Math.min(300,
                            r.length()))).toList());
            assertTrue(records.stream().noneMatch(r -> r.contains("77341")), "the local identifier is in the log");
        }
        assertEquals(409, answer.statusCode(), answer.asString());
        assertEquals("localId", answer.jsonPath().getString("field"), answer.asString());
        assertTrue(!answer.asString().contains(hash.substring(0, 16)), answer.asString());
        assertEquals(1, Db.number(dataSource, "select count(*) from patient_case where audit_id = ?", audit));
    }
}
