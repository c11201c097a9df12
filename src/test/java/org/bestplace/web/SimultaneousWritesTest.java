package org.bestplace.web;

import static org.bestplace.Api.as;
import static org.bestplace.Api.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.bestplace.Api;
import org.bestplace.Db;
import org.bestplace.security.Pseudonymiser;
import org.junit.jupiter.api.Test;

/**
 * The same write sent many times at once, as a double-clicked button, a retrying tablet or two
 * people at two screens do. Whatever the database does with the race (a duplicate key, a deadlock,
 * a stale version), each copy gets a clear answer: the write happens once and the others hear 409
 * in problem+json, or, where a repeat is harmless, every copy is answered as if it came alone.
 * Never a 500.
 */
@QuarkusTest
class SimultaneousWritesTest {

    static final int COPIES = 12;
    static final String DAY = "2026-11-10";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Pseudonymiser pseudonymiser;

    record Answer(int status, String type, String body) {

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** Opening a day at once from many copies opens it once: every copy sees the one debrief. */
    @Test
    void openingOneDebriefDayAtOnceOpensItOnceAndShowsItToEveryCopy() throws Exception {
        String audit = Api.collectingAudit();
        String chair = chairOn(audit);
        List<Answer> answers = atOnce(() -> as(chair).post("/api/audits/" + audit + "/debriefs/" + DAY + "/opening").then()
                .extract());
        assertEquals(List.of(), answers.stream().filter(a -> a.status() != 200).toList(), "every copy sees the day");
        assertEquals(1, rows("select count(*) from debrief where audit_id = ? and debrief_date = ?", audit, DAY));
    }

    /**
     * Decisions on one case are taken one after another, each replacing the last and kept in the
     * history (as when the chair records a case twice), so every copy is recorded.
     */
    @Test
    void decisionsOnOneCaseAtOnceAreEachRecordedInTurn() throws Exception {
        String audit = Api.collectingAudit();
        String chair = chairOn(audit);
        String caseId = reviewedCase(audit);
        as(chair).post("/api/audits/" + audit + "/debriefs/" + DAY + "/opening").then().statusCode(200);
        List<Answer> answers = atOnce(() -> as(chair).body(Map.of("caseId", caseId, "outcome", "QUALIFIES",
                        "reason", "Settled at the debrief"))
                .post("/api/audits/" + audit + "/debriefs/" + DAY + "/decisions").then().extract());
        assertEquals(List.of(), answers.stream().filter(a -> a.status() != 201).toList(), "every decision is taken");
        assertEquals(1, rows("select count(*) from decision where case_id = ?", caseId));
        assertEquals(COPIES, rows("select count(*) from decision_history h join decision d on d.id = h.decision_id"
                + " where d.case_id = ?", caseId), "each decision is a version in the history");
    }

    @Test
    void signingOffOneDayAtOnceSignsItOffOnce() throws Exception {
        String audit = Api.collectingAudit();
        String chair = chairOn(audit);
        as(chair).post("/api/audits/" + audit + "/debriefs/" + DAY + "/opening").then().statusCode(200);
        List<Answer> answers = atOnce(() -> as(chair)
                .post("/api/audits/" + audit + "/debriefs/" + DAY + "/sign-off").then().extract());
        oneSuccessTheRestConflicts(answers, 200);
        assertEquals(1, rows("select count(*) from debrief where audit_id = ? and debrief_date = ?"
                + " and signed_off_at is not null", audit, DAY));
        assertEquals(1, rows("select count(*) from activity_log where event = 'DEBRIEF_SIGN_OFF' and audit_id = ?",
                audit), "one sign-off is on record");
    }

    @Test
    void addingOneMemberAtOnceAddsThemOnce() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.user("reviewer", "COMMUNITY", "REVIEWER");
        List<Answer> answers = atOnce(() -> asAdmin().body(Map.of("username", reviewer, "role", "REVIEWER",
                "sector", "COMMUNITY")).post("/api/audits/" + audit + "/members").then().extract());
        oneSuccessTheRestConflicts(answers, 201);
        assertEquals(1, rows("select count(*) from audit_member m join app_user u on u.id = m.user_id"
                + " where m.audit_id = ? and u.username = ?", audit, reviewer));
    }

    @Test
    void creatingOneUserAtOnceCreatesThemOnce() throws Exception {
        String username = "twin-" + UUID.randomUUID().toString().substring(0, 8);
        List<Answer> answers = atOnce(() -> asAdmin().body(Map.of("username", username, "displayName", "Twin",
                        "organisation", "Test Trust", "sector", "HOSPITAL", "roles", List.of("REVIEWER"),
                        "password", Api.PASSWORD))
                .post("/api/users").then().extract());
        oneSuccessTheRestConflicts(answers, 201);
        assertEquals(1, rows("select count(*) from app_user where username = ?", username));
    }

    /**
     * The same patient registered from several tablets at once: one case, and every other copy is
     * told which case the patient already is. The keyed hash of the identifier, which the
     * database's duplicate-key message would carry, reaches no log line.
     */
    @Test
    void registeringOnePatientAtOnceWithTheSameLocalIdentifierRegistersThemOnce() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String localId = "SIM-" + UUID.randomUUID().toString().substring(0, 8);
        String hash = pseudonymiser.hash(Long.parseLong(audit), localId);
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = capture(logged);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        List<Answer> answers;
        try {
            answers = atOnce(() -> as(reviewer).body(Map.of("ward", "Ward A", "specialty", "General medicine",
                            "ageBand", "75-84", "sex", "FEMALE", "admissionDate", "2026-11-02", "localId", localId))
                    .post("/api/audits/" + audit + "/cases").then().extract());
        } finally {
            root.removeHandler(capture);
        }
        oneSuccessTheRestConflicts(answers, 201);
        String caseNumber = answers.stream().filter(a -> a.status() == 201).findFirst().orElseThrow().body()
                .replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
        for (Answer refused : answers.stream().filter(a -> a.status() == 409).toList()) {
            assertTrue(refused.body().contains("\"field\":\"localId\"") && refused.body().contains(caseNumber),
                    "a refusal names the case the patient already is: " + refused);
        }
        assertEquals(1, rows("select count(*) from patient_case where audit_id = ?", audit));
        assertEquals(List.of(), logged.stream().filter(line -> line.contains(hash) || line.contains(localId))
                .toList(), "neither the identifier nor its hash is logged");
    }

    @Test
    void closingOneAuditAtOnceClosesItOnce() throws Exception {
        String audit = Api.collectingAudit();
        List<Answer> answers = atOnce(() -> asAdmin().body(Map.of("status", "CLOSED"))
                .post("/api/audits/" + audit + "/status").then().extract());
        oneSuccessTheRestConflicts(answers, 200);
        assertEquals(1, rows("select count(*) from audit_status_change where audit_id = ? and to_status = 'CLOSED'",
                audit));
    }

    /** Exactly one copy gets {@code success}; every other one a 409 problem that names no class. */
    static void oneSuccessTheRestConflicts(List<Answer> answers, int success) {
        assertEquals(List.of(), answers.stream().filter(a -> a.status() != success && a.status() != 409).toList(),
                "only " + success + " and 409");
        assertEquals(1, answers.stream().filter(a -> a.status() == success).count(), "one copy succeeds: " + answers);
        for (Answer refused : answers.stream().filter(a -> a.status() == 409).toList()) {
            assertTrue(refused.type().startsWith("application/problem+json"), "a problem: " + refused);
            assertTrue(refused.body().contains("\"status\":409") && refused.body().contains("\"detail\":"),
                    "status and detail: " + refused);
            assertTrue(!refused.body().contains("Exception") && !refused.body().contains("Duplicate entry")
                    && !refused.body().contains("org."), "no class or database message: " + refused);
        }
    }

    /** Sends {@code COPIES} copies of one request, released together. */
    static List<Answer> atOnce(Supplier<ExtractableResponse<Response>> request) throws Exception {
        CyclicBarrier start = new CyclicBarrier(COPIES);
        List<Callable<Answer>> copies = new ArrayList<>();
        for (int i = 0; i < COPIES; i++) {
            copies.add(() -> {
                start.await();
                ExtractableResponse<Response> response = request.get();
                return new Answer(response.statusCode(), String.valueOf(response.contentType()), response.asString());
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(COPIES);
        try {
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : pool.invokeAll(copies)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    private static String chairOn(String audit) {
        String chair = Api.user("chair", "HOSPITAL", "CHAIR");
        Api.member(audit, chair, "CHAIR", "HOSPITAL");
        return chair;
    }

    /** A case with one submitted review on {@link #DAY}. */
    private static String reviewedCase(String audit) {
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String criterion = Api.firstCriterion();
        String caseId = Api.registerCase(audit, reviewer);
        Api.putReview(audit, reviewer, UUID.randomUUID().toString(), Map.of("caseId", caseId, "reviewDate", DAY,
                "criteriaMet", List.of(criterion), "submitted", true)).statusCode(201);
        return caseId;
    }

    /** Every record the service logs while the handler is attached, with its parameters and causes. */
    private static Handler capture(List<String> lines) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
                if (record.getParameters() != null) {
                    for (Object parameter : record.getParameters()) {
                        line.append(' ').append(parameter);
                    }
                }
                for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
                    line.append(' ').append(thrown);
                }
                lines.add(line.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    private long rows(String sql, Object... args) throws SQLException {
        return Db.number(dataSource, sql, args);
    }
}
