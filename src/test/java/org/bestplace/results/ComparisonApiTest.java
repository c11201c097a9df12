package org.bestplace.results;

import static org.bestplace.Api.as;
import static org.bestplace.Api.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.statistics.Newcombe;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ComparisonApiTest {

    /** A closed audit with {@code notQualifying} of {@code cases} patients not qualifying on 3 November. */
    static String audit(int cases, int notQualifying, String reviewer) {
        String audit = Api.collectingAudit();
        Api.member(audit, reviewer, "REVIEWER", "HOSPITAL");
        String criterion = Api.firstCriterion();
        for (int i = 0; i < cases; i++) {
            String caseId = Api.registerCase(audit, reviewer);
            Map<String, Object> body = new HashMap<>();
            body.put("caseId", caseId);
            body.put("reviewDate", "2026-11-03");
            body.put("submitted", true);
            if (i < notQualifying) {
                body.put("criteriaMet", List.of());
                body.put("alternative", "P1");
            } else {
                body.put("criteriaMet", List.of(criterion));
            }
            Api.putReview(audit, reviewer, UUID.randomUUID().toString(), body).statusCode(201);
        }
        // Closed, as audits are when compared: while one collects, a reviewer sees only debriefed days.
        asAdmin().body(Map.of("status", "CLOSED")).post("/api/audits/" + audit + "/status").then().statusCode(200);
        return audit;
    }

    @Test
    void twoAuditsAreComparedWithNewcombesInterval() {
        String reviewer = Api.user("reviewer", "HOSPITAL", "REVIEWER");
        String before = audit(7, 4, reviewer);
        String after = audit(5, 1, reviewer);
        var result = as(reviewer).get("/api/comparisons?a=" + before + "&b=" + after).then().statusCode(200)
                .body("a.reviewed", equalTo(7)).body("a.notQualifying", equalTo(4))
                .body("b.reviewed", equalTo(5)).body("b.notQualifying", equalTo(1))
                .extract().jsonPath();
        Newcombe.Difference expected = Newcombe.difference(4, 7, 1, 5);
        assertEquals(4.0 / 7 - 1.0 / 5, result.getDouble("difference"), 1e-6);
        assertEquals(expected.ci95().low(), result.getDouble("ci95.low"), 1e-6);
        assertEquals(expected.ci95().high(), result.getDouble("ci95.high"), 1e-6);
    }

    @Test
    void anAuditTheCallerIsNotOnIsNotFoundAndMissingOnesAreNamed() {
        String reviewer = Api.user("reviewer", "HOSPITAL", "REVIEWER");
        String mine = audit(2, 1, reviewer);
        String other = audit(2, 1, Api.user("other", "HOSPITAL", "REVIEWER"));
        as(reviewer).get("/api/comparisons?a=" + mine + "&b=" + other).then().statusCode(404)
                .contentType("application/problem+json");
        as(reviewer).get("/api/comparisons?a=" + mine).then().statusCode(400).body("field", equalTo("b"));
        String empty = Api.collectingAudit();
        asAdmin().get("/api/comparisons?a=" + mine + "&b=" + empty).then().statusCode(400)
                .body("field", equalTo("b"));
    }
}
