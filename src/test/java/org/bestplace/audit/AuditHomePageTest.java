package org.bestplace.audit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An audit's home page counts, per ward, the cases registered today, those reviewed today, and
 * those still owed a second review.
 */
@QuarkusTest
class AuditHomePageTest {

    static final Instant TENTH_NOVEMBER = Instant.parse("2026-11-10T12:00:00Z");

    @Inject
    MovableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void eachWardShowsTodaysRegisteredReviewedAndOutstandingSecondReviews() {
        clock.set(TENTH_NOVEMBER.minusSeconds(86_400));
        Map<String, Object> body = new HashMap<>(Api.auditBody("Home page audit " + UUID.randomUUID()));
        body.put("dualReviewRate", 1); // every case is in the sample for a second review
        String audit = Api.asAdmin().body(body).post("/api/audits").then().statusCode(201).extract().path("id");
        Api.startCollecting(audit);
        String hospital = Api.reviewerOn(audit, "HOSPITAL");
        String community = Api.reviewerOn(audit, "COMMUNITY");
        String yesterdays = register(audit, hospital, "Ward B");

        clock.set(TENTH_NOVEMBER);
        String twiceReviewed = register(audit, hospital, "Ward A");
        String onceReviewed = register(audit, hospital, "Ward A");
        String draftOnly = register(audit, hospital, "Ward B");
        review(audit, hospital, twiceReviewed, true);
        review(audit, community, twiceReviewed, true);
        review(audit, hospital, onceReviewed, true);
        review(audit, hospital, draftOnly, false);
        review(audit, hospital, yesterdays, true);

        String home = AuditCalendarTest.page(AuditCalendarTest.signIn(hospital), "/audits/" + audit);
        assertTrue(home.contains(">Ward A</a></td><td>2</td><td>2</td><td>1</td>"),
                "Ward A: two registered, two reviewed, one owed a second review: " + home);
        assertTrue(home.contains(">Ward B</a></td><td>1</td><td>1</td><td>1</td>"),
                "Ward B: one registered, yesterday's case reviewed and owed a second review: " + home);
    }

    private static String register(String audit, String reviewer, String ward) {
        return Api.as(reviewer).body(Map.of("ward", ward, "specialty", "General medicine", "ageBand", "75-84",
                        "sex", "FEMALE", "admissionDate", "2026-11-02"))
                .post("/api/audits/" + audit + "/cases").then().statusCode(201).extract().path("id");
    }

    private static void review(String audit, String reviewer, String caseId, boolean submitted) {
        Api.putReview(audit, reviewer, UUID.randomUUID().toString(), Map.of("caseId", caseId,
                "reviewDate", "2026-11-10", "criteriaMet", List.of("MED-01"), "reasons", List.of(),
                "submitted", submitted)).statusCode(201);
    }
}
