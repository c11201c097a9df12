package org.bestplace.review;

import static org.bestplace.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bestplace.Api;
import org.bestplace.Db;
import org.junit.jupiter.api.Test;

/**
 * Several tablets writing to one audit at once, as they do behind a load balancer: every write
 * is answered as if it were alone, and the database holds each thing once.
 */
@QuarkusTest
class ConcurrentWritesTest {

    static final int SENDERS = 8;
    static final int EACH = 6;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void casesRegisteredAtTheSameTimeInOneAuditAllGetTheirOwnNumber() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        List<Callable<List<String>>> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            senders.add(() -> {
                List<String> answers = new ArrayList<>();
                for (int i = 0; i < EACH; i++) {
                    var response = as(reviewer).body(Map.of("ward", "Ward A", "specialty", "General medicine",
                                    "ageBand", "65-74", "sex", "MALE", "admissionDate", "2026-11-02"))
                            .post("/api/audits/" + audit + "/cases").then().extract();
                    answers.add(response.statusCode() + " " + response.path("caseNumber"));
                }
                return answers;
            });
        }
        List<String> answers = all(senders);
        assertEquals(List.of(), answers.stream().filter(a -> !a.startsWith("201 ")).toList(),
                "every registration is answered 201");
        assertEquals(SENDERS * EACH, new HashSet<>(answers).size(), "every case has its own number");
        assertEquals(SENDERS * EACH, rows("select count(*) from patient_case where audit_id = ?", audit));
        assertEquals(SENDERS * EACH + 1, rows("select next_case_number from audit where id = ?", audit));
    }

    @Test
    void theSameReviewSentByTwoSendersAtOnceIsStoredOnceAndAcknowledgedToBoth() throws Exception {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String criterion = Api.firstCriterion();
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cases.add(Api.registerCase(audit, reviewer));
        }
        List<String> ids = new ArrayList<>();
        List<Callable<List<String>>> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS * EACH / 2; i++) {
            String id = UUID.randomUUID().toString();
            Map<String, Object> body = Map.of("caseId", cases.get(i % cases.size()),
                    "reviewDate", Api.day(3 + i / cases.size()).toString(), "criteriaMet", List.of(criterion),
                    "submitted", true);
            ids.add(id);
            // Each review twice, by two senders, as an outbox retry overlapping its first attempt.
            for (int copy = 0; copy < 2; copy++) {
                senders.add(() -> List.of(String.valueOf(Api.putReview(audit, reviewer, id, body).extract()
                        .statusCode())));
            }
        }
        List<String> answers = all(senders);
        assertEquals(List.of(), answers.stream().filter(a -> !a.equals("200") && !a.equals("201")).toList(),
                "every copy is acknowledged");
        assertEquals(ids.size(), answers.stream().filter("201"::equals).count(), "one copy of each creates it");
        assertEquals(ids.size(), rows("select count(*) from review where audit_id = ?", audit));
        assertEquals(0, rows("select count(*) from review_history h join review r on r.id = h.review_id"
                + " where r.audit_id = ?", audit));
    }

    /**
     * First and second reviews of many patients on one day, from two sectors at once: every one
     * is stored (none lost to a deadlock between the cell triggers) and the pair cells add up.
     */
    @Test
    void manyReviewsOfOneDayFromTwoSectorsAtOnceAreAllStored() throws Exception {
        String audit = Api.collectingAudit();
        String hospital = Api.reviewerOn(audit, "HOSPITAL");
        String community = Api.reviewerOn(audit, "COMMUNITY");
        var set = Api.criteriaSet();
        String criterion = set.getString("groups[0].criteria[0].code");
        String alternative = set.getString("alternatives[0].code");
        List<String> reasons = set.getList("reasons.code");
        int patients = SENDERS * EACH * 2;
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < patients; i++) {
            cases.add(Api.registerCase(audit, hospital));
        }
        String day = Api.day(3).toString();
        List<Callable<List<String>>> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            senders.add(() -> {
                List<String> answers = new ArrayList<>();
                // Each sender reviews its share of patients, half as the hospital, half as community.
                for (int i = sender; i < patients * 2; i += SENDERS) {
                    String caseId = cases.get(i % patients);
                    boolean asHospital = (i / patients) == (i % 2);
                    boolean qualifies = (i % 3) != 0;
                    Map<String, Object> body = qualifies
                            ? Map.of("caseId", caseId, "reviewDate", day, "criteriaMet", List.of(criterion),
                                    "submitted", true)
                            : Map.of("caseId", caseId, "reviewDate", day, "criteriaMet", List.of(),
                                    "alternative", alternative, "reasons", List.of(reasons.get(i % 2)),
                                    "submitted", true);
                    answers.add(String.valueOf(Api.putReview(audit, asHospital ? hospital : community,
                            UUID.randomUUID().toString(), body).extract().statusCode()));
                }
                return answers;
            });
        }
        List<String> answers = all(senders);
        assertEquals(List.of(), answers.stream().filter(a -> !a.equals("201")).toList(), "every review is stored");
        assertEquals(patients * 2L, rows("select count(*) from review where audit_id = ?", audit));
        assertEquals(patients, rows("select coalesce(sum(pairs), 0) from pair_cell where audit_id = ?", audit));
        assertEquals(patients, rows("select coalesce(sum(reviewed), 0) from summary_cell where audit_id = ?", audit));
    }

    private static List<String> all(List<Callable<List<String>>> senders) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        try {
            List<String> answers = new ArrayList<>();
            for (Future<List<String>> done : pool.invokeAll(senders)) {
                answers.addAll(done.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    private long rows(String sql, Object... args) throws SQLException {
        return Db.number(dataSource, sql, args);
    }
}
