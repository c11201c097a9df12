package org.bestplace.review;

import static org.bestplace.Api.as;
import static org.bestplace.Api.asAdmin;
import static org.bestplace.Api.putReview;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Pages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The second review of a dual-reviewed patient-day is blind: its author cannot learn the first
 * from the day's figures, cannot quietly copy it after reading it, and cannot make themselves a
 * reviewer (or anything else) to get round the rule.
 */
@QuarkusTest
class BlindReviewTest {

    static final String DAY = "2026-11-10";
    String audit;
    String hospital;
    String community;
    String chair;
    String criterion;

    @BeforeEach
    void team() {
        audit = Api.collectingAudit();
        hospital = Api.reviewerOn(audit, "HOSPITAL");
        community = Api.reviewerOn(audit, "COMMUNITY");
        chair = Api.user("chair", "HOSPITAL", "CHAIR");
        Api.member(audit, chair, "CHAIR", "HOSPITAL");
        criterion = Api.firstCriterion();
    }

    @Test
    void aDaysFiguresReachAReviewerOnlyOnceItsDebriefIsOpen() {
        String caseId = Api.registerCase(audit, hospital);
        review(hospital, caseId, notQualifying("P3"));
        String summary = "/api/audits/" + audit + "/summary";

        // The one review of the day would be read straight off the day's figures.
        as(community).get(summary + "?date=" + DAY).then().statusCode(403)
                .contentType("application/problem+json");
        as(community).get("/api/audits/" + audit + "/agreement?date=" + DAY).then().statusCode(403);
        as(community).get(summary).then().statusCode(200).body("reviewed", equalTo(0))
                .body("alternatives.size()", equalTo(0));
        String results = page(community, "/audits/" + audit + "/results");
        assertFalse(results.contains("<td>" + DAY + "</td>"), "the day is not in the reviewer's trend table");
        assertTrue(results.contains("by first review: 0 of 0"), "the headline leaves the day out");
        // those who read every review anyway see the day at once
        as(chair).get(summary + "?date=" + DAY).then().statusCode(200).body("reviewed", equalTo(1));
        as(hospital).get(summary + "?date=" + DAY).then().statusCode(403);

        as(chair).post("/api/audits/" + audit + "/debriefs/" + DAY + "/opening").then().statusCode(200);
        as(community).get(summary + "?date=" + DAY).then().statusCode(200).body("reviewed", equalTo(1))
                .body("alternatives[0].code", equalTo("P3"));
        as(community).get(summary).then().statusCode(200).body("reviewed", equalTo(1));
        as(community).get("/api/audits/" + audit + "/agreement?date=" + DAY).then().statusCode(200);
        results = page(community, "/audits/" + audit + "/results");
        assertTrue(results.contains("<td>" + DAY + "</td>"), "the day shows once its debrief is open");
        assertTrue(results.contains("by first review: 1 of 1"), results);
    }

    @Test
    void aSecondReviewChangedAfterItsAuthorCouldReadTheFirstIsQueuedWithBothVersions() {
        String copied = Api.registerCase(audit, hospital);
        String first = review(hospital, copied, qualifies());
        // a placeholder, then the first review read, then the placeholder "corrected" to match it
        String placeholder = review(community, copied, notQualifying("P1"));
        as(community).get("/api/audits/" + audit + "/reviews/" + first).then().statusCode(200)
                .body("outcome", equalTo("QUALIFIES"));
        Map<String, Object> matching = qualifies();
        matching.put("caseId", copied);
        matching.put("changeReason", "Ticked the wrong box");
        putReview(audit, community, placeholder, matching).statusCode(200);
        // agreeing reviews never changed stay off the queue
        String honest = Api.registerCase(audit, hospital);
        review(hospital, honest, qualifies());
        review(community, honest, qualifies());

        as(chair).post("/api/audits/" + audit + "/debriefs/" + DAY + "/opening").then().statusCode(200);

        JsonPath day = as(chair).get("/api/audits/" + audit + "/debriefs/" + DAY).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(copied), day.getList("queue.caseId"));
        assertEquals(List.of("CHANGED_AFTER_FIRST_VISIBLE"), day.getList("queue[0].why"));
        assertEquals(placeholder, day.getString("queue[0].changes[0].reviewId"));
        assertEquals(community, day.getString("queue[0].changes[0].changedBy"));
        assertEquals("Ticked the wrong box", day.getString("queue[0].changes[0].changeReason"));
        assertEquals("DOES_NOT_QUALIFY", day.getString("queue[0].changes[0].before.outcome"));
        assertEquals("P1", day.getString("queue[0].changes[0].before.alternative"));
        assertEquals("QUALIFIES", day.getString("queue[0].changes[0].after.outcome"));

        String page = page(chair, "/audits/" + audit + "/debriefs/" + DAY);
        assertTrue(page.contains("Changed after the other review could be read"), "the page says why");
        assertTrue(page.contains("Ticked the wrong box"), "the page shows the change reason");
        assertTrue(page.contains("Before: Does not qualify"), "the page shows the earlier version");
        assertTrue(page.contains("After: Qualifies"), "the page shows the later version");
    }

    @Test
    void nobodyGrantsThemselvesARoleAndAMembersSectorIsTheirUsersSector() {
        String lead = Api.user("lead", "COMMUNITY", "REVIEWER");
        Api.member(audit, lead, "LEAD", "COMMUNITY");
        String members = "/api/audits/" + audit + "/members";
        as(lead).body(Map.of("username", lead, "role", "REVIEWER", "sector", "HOSPITAL")).post(members).then()
                .statusCode(403).contentType("application/problem+json");
        as(lead).body(Map.of("username", lead, "role", "REVIEWER", "sector", "COMMUNITY")).post(members).then()
                .statusCode(403);
        as(lead).body(Map.of("username", lead, "role", "CHAIR")).post(members).then().statusCode(403);
        asAdmin().body(Map.of("username", "admin", "role", "CHAIR")).post(members).then().statusCode(403);
        String other = Api.user("other", "COMMUNITY", "REVIEWER");
        as(lead).body(Map.of("username", other, "role", "REVIEWER", "sector", "HOSPITAL")).post(members).then()
                .statusCode(400).body("field", equalTo("sector"));
        as(lead).body(Map.of("username", other, "role", "REVIEWER")).post(members).then().statusCode(201)
                .body("sector", equalTo("COMMUNITY"));
        List<String> roles = as(lead).get(members).then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.username == '" + lead + "' }.role");
        assertEquals(List.of("LEAD"), roles);

        // Someone who reads every review is never a blind second reviewer, even when made one by another.
        Api.member(audit, lead, "REVIEWER", "COMMUNITY");
        String caseId = Api.registerCase(audit, hospital);
        String first = review(hospital, caseId, qualifies());
        as(lead).get("/api/audits/" + audit + "/reviews/" + first).then().statusCode(200);
        review(lead, caseId, qualifies());
        as(chair).post("/api/audits/" + audit + "/debriefs/" + DAY + "/opening").then().statusCode(200);
        JsonPath day = as(chair).get("/api/audits/" + audit + "/debriefs/" + DAY).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(caseId), day.getList("queue.caseId"));
        assertEquals(List.of("WRITTEN_AFTER_FIRST_VISIBLE"), day.getList("queue[0].why"));
    }

    private Map<String, Object> qualifies() {
        Map<String, Object> body = new HashMap<>();
        body.put("reviewDate", DAY);
        body.put("criteriaMet", List.of(criterion));
        body.put("submitted", true);
        return body;
    }

    private Map<String, Object> notQualifying(String alternative) {
        Map<String, Object> body = new HashMap<>();
        body.put("reviewDate", DAY);
        body.put("criteriaMet", List.of());
        body.put("alternative", alternative);
        body.put("submitted", true);
        return body;
    }

    private String review(String reviewer, String caseId, Map<String, Object> body) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> withCase = new HashMap<>(body);
        withCase.put("caseId", caseId);
        putReview(audit, reviewer, id, withCase).statusCode(201);
        return id;
    }

    /** A page as a signed-in browser sees it. */
    private static String page(String username, String path) {
        return Pages.signIn(username, Api.PASSWORD).page(path);
    }
}
