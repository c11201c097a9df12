package org.bestplace.review;

import static org.bestplace.Api.as;
import static org.bestplace.Api.asAdmin;
import static org.bestplace.Api.putReview;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewApiTest {

    @Inject
    AgroalDataSource dataSource;

    String audit;
    String reviewer;
    String caseId;
    String criterion;
    String alternative;
    List<String> reasons;

    @BeforeEach
    void setUp() {
        audit = Api.collectingAudit();
        reviewer = Api.reviewerOn(audit, "COMMUNITY");
        caseId = Api.registerCase(audit, reviewer);
        var set = Api.criteriaSet();
        criterion = set.getString("groups[0].criteria[0].code");
        alternative = set.getString("alternatives[1].code");
        reasons = List.of(set.getString("reasons[0].code"), set.getString("reasons[1].code"));
    }

    Map<String, Object> qualifying() {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("reviewDate", "2026-11-03");
        body.put("criteriaMet", List.of(criterion));
        body.put("submitted", true);
        return body;
    }

    Map<String, Object> notQualifying() {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("reviewDate", "2026-11-03");
        body.put("criteriaMet", List.of());
        body.put("alternative", alternative);
        body.put("reasons", reasons);
        body.put("submitted", true);
        return body;
    }

    long rows(String sql, Object... args) throws SQLException {
        return Db.number(dataSource, sql, args);
    }

    @Test
    void registeringACaseGivesACaseNumberAndNeverReturnsTheLocalId() {
        as(reviewer).body(Map.of("ward", "Ward B", "specialty", "Care of older people", "ageBand", "85+", "sex", "MALE",
                        "admissionDate", "2026-10-20", "localId", "H123456"))
                .post("/api/audits/" + audit + "/cases")
                .then().statusCode(201)
                .body("caseNumber", containsString("A" + audit + "-"))
                .body("hasLocalId", equalTo(true))
                .body(not(containsString("H123456")));
    }

    @Test
    void theSameLocalIdTwiceIsAConflictNamingTheExistingCase() {
        Map<String, Object> body = Map.of("ward", "Ward A", "specialty", "Respiratory", "ageBand", "65-74",
                "sex", "FEMALE", "admissionDate", "2026-11-01", "localId", "RXH 998877");
        String number = as(reviewer).body(body).post("/api/audits/" + audit + "/cases").then().statusCode(201)
                .extract().path("caseNumber");
        Map<String, Object> again = new HashMap<>(body);
        again.put("localId", "rxh998877");
        as(reviewer).body(again).post("/api/audits/" + audit + "/cases")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(number))
                .body("field", equalTo("localId"));
    }

    @Test
    void aWardOutsideTheAuditIsRefused() {
        as(reviewer).body(Map.of("ward", "Ward Z", "specialty", "General surgery", "ageBand", "40-64", "sex", "MALE",
                        "admissionDate", "2026-11-01"))
                .post("/api/audits/" + audit + "/cases")
                .then().statusCode(400).body("field", equalTo("ward"));
    }

    @Test
    void aNewReviewIsCreatedOnceAndARepeatChangesNothing() throws SQLException {
        String id = UUID.randomUUID().toString();
        putReview(audit, reviewer, id, qualifying()).statusCode(201)
                .body("outcome", equalTo("QUALIFIES")).body("version", equalTo(0));
        putReview(audit, reviewer, id, qualifying()).statusCode(200)
                .body("outcome", equalTo("QUALIFIES")).body("version", equalTo(0));
        assertEquals(1, rows("select count(*) from review where id = ?", id));
        assertEquals(0, rows("select count(*) from review_history where review_id = ?", id));
    }

    @Test
    void aNotQualifyingReviewKeepsItsAlternativeAndReasons() {
        String id = UUID.randomUUID().toString();
        putReview(audit, reviewer, id, notQualifying()).statusCode(201)
                .body("outcome", equalTo("DOES_NOT_QUALIFY"))
                .body("alternative", equalTo(alternative))
                .body("reasons", hasItems(reasons.toArray()));
        as(reviewer).get("/api/audits/" + audit + "/reviews/" + id).then().statusCode(200)
                .body("reasons", hasSize(2)).body("reviewerSector", equalTo("COMMUNITY"));
    }

    @Test
    void changingASubmittedReviewNeedsAReasonAndIsKeptInHistory() throws SQLException {
        String id = UUID.randomUUID().toString();
        putReview(audit, reviewer, id, qualifying()).statusCode(201);
        putReview(audit, reviewer, id, notQualifying()).statusCode(409)
                .contentType("application/problem+json").body("field", equalTo("changeReason"));
        Map<String, Object> changed = notQualifying();
        changed.put("changeReason", "Oxygen was stopped yesterday evening");
        putReview(audit, reviewer, id, changed).statusCode(200)
                .body("outcome", equalTo("DOES_NOT_QUALIFY")).body("version", equalTo(1));
        assertEquals(1, rows("select count(*) from review_history where review_id = ?", id));
        as(reviewer).get("/api/audits/" + audit + "/reviews/" + id + "/history").then().statusCode(200)
                .body("[0].changedBy", equalTo(reviewer))
                .body("[0].changeReason", equalTo("Oxygen was stopped yesterday evening"))
                .body("[0].before", containsString(criterion))
                .body("[0].after", containsString(alternative));
    }

    @Test
    void aDraftChangesFreelyUntilSubmitted() throws SQLException {
        String id = UUID.randomUUID().toString();
        Map<String, Object> draft = qualifying();
        draft.put("submitted", false);
        putReview(audit, reviewer, id, draft).statusCode(201).body("submitted", equalTo(false))
                .body("submittedAt", nullValue());
        putReview(audit, reviewer, id, notQualifying()).statusCode(200).body("submitted", equalTo(true))
                .body("submittedAt", notNullValue());
        assertEquals(0, rows("select count(*) from review_history where review_id = ?", id));
    }

    @Test
    void notQualifyingWithoutAnAlternativeIsRefusedNamingTheField() throws SQLException {
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = notQualifying();
        body.remove("alternative");
        putReview(audit, reviewer, id, body).statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("alternative"));
        assertEquals(0, rows("select count(*) from review where id = ?", id));
    }

    @Test
    void anUnknownCriterionIsRefusedNamingTheCode() {
        Map<String, Object> body = qualifying();
        body.put("criteriaMet", List.of(criterion, "NOT-A-CODE"));
        putReview(audit, reviewer, UUID.randomUUID().toString(), body).statusCode(400)
                .body("field", equalTo("criteriaMet")).body("detail", containsString("NOT-A-CODE"));
    }

    @Test
    void reasonsAndAlternativeOnlyWhenNotQualifying() {
        Map<String, Object> body = qualifying();
        body.put("alternative", alternative);
        putReview(audit, reviewer, UUID.randomUUID().toString(), body).statusCode(400)
                .body("field", equalTo("alternative"));
        body.remove("alternative");
        body.put("reasons", reasons);
        putReview(audit, reviewer, UUID.randomUUID().toString(), body).statusCode(400)
                .body("field", equalTo("reasons"));
    }

    @Test
    void anOverrideNeedsAReasonAndTurnsTheOutcome() {
        Map<String, Object> body = qualifying();
        body.put("override", Map.of("outcome", "DOES_NOT_QUALIFY", "reason", " "));
        body.put("alternative", alternative);
        putReview(audit, reviewer, UUID.randomUUID().toString(), body).statusCode(400)
                .body("field", equalTo("override.reason"));
        body.put("override", Map.of("outcome", "DOES_NOT_QUALIFY", "reason", "Oxygen only at night, long-term"));
        putReview(audit, reviewer, UUID.randomUUID().toString(), body).statusCode(201)
                .body("outcome", equalTo("DOES_NOT_QUALIFY")).body("override.outcome", equalTo("DOES_NOT_QUALIFY"));
    }

    @Test
    void aReviewOutsideTheAuditDatesIsRefused() {
        Map<String, Object> body = qualifying();
        body.put("reviewDate", "2026-12-01");
        putReview(audit, reviewer, UUID.randomUUID().toString(), body).statusCode(400)
                .body("field", equalTo("reviewDate"));
        body.put("reviewDate", "2026-11-01");
        // the case was admitted on 2 November
        putReview(audit, reviewer, UUID.randomUUID().toString(), body).statusCode(400)
                .body("field", equalTo("reviewDate"));
    }

    @Test
    void onlyTheAuthorMayChangeAReview() {
        String id = UUID.randomUUID().toString();
        putReview(audit, reviewer, id, qualifying()).statusCode(201);
        String other = Api.reviewerOn(audit, "HOSPITAL");
        putReview(audit, other, id, qualifying()).statusCode(409).body("field", equalTo("reviewId"));
        as(other).get("/api/audits/" + audit + "/reviews/" + id).then().statusCode(404);
    }

    @Test
    void aClosedAuditTakesNoWrites() throws SQLException {
        String id = UUID.randomUUID().toString();
        putReview(audit, reviewer, id, qualifying()).statusCode(201);
        asAdmin().body(Map.of("status", "CLOSED")).post("/api/audits/" + audit + "/status").then().statusCode(200);
        // a retry of what is stored is still answered, so a tablet's outbox can settle
        putReview(audit, reviewer, id, qualifying()).statusCode(200);
        Map<String, Object> changed = notQualifying();
        changed.put("changeReason", "late correction");
        putReview(audit, reviewer, id, changed).statusCode(409).contentType("application/problem+json");
        putReview(audit, reviewer, UUID.randomUUID().toString(), qualifying()).statusCode(409);
        as(reviewer).body(Map.of("ward", "Ward A", "specialty", "General surgery", "ageBand", "40-64", "sex", "MALE",
                "admissionDate", "2026-11-01")).post("/api/audits/" + audit + "/cases").then().statusCode(409);
        String late = Api.user("late", "HOSPITAL", "REVIEWER");
        asAdmin().body(Map.of("username", late, "role", "REVIEWER", "sector", "HOSPITAL"))
                .post("/api/audits/" + audit + "/members").then().statusCode(409);
        assertEquals(1, rows("select count(*) from review where audit_id = ?", Long.parseLong(audit)));
    }

    @Test
    void theCaseListCountsReviews() {
        putReview(audit, reviewer, UUID.randomUUID().toString(), qualifying()).statusCode(201);
        as(reviewer).get("/api/audits/" + audit + "/cases?ward=Ward A&date=2026-11-03").then().statusCode(200)
                .body("find { it.id == '" + caseId + "' }.reviews", equalTo(1))
                .body("find { it.id == '" + caseId + "' }.submittedReviews", equalTo(1));
    }

    @Test
    void aReviewIdMustBeAUuid() {
        putReview(audit, reviewer, "not-a-uuid", qualifying()).statusCode(400).body("field", equalTo("reviewId"));
    }

    @Test
    void aReviewWhoseStatedAuthorIsNotTheCallerIsRefusedAndNothingIsStored() throws SQLException {
        String colleague = Api.reviewerOn(audit, "HOSPITAL");
        String reviewId = UUID.randomUUID().toString();
        Map<String, Object> body = qualifying();
        body.put("author", reviewer);
        putReview(audit, colleague, reviewId, body).statusCode(409)
                .contentType("application/problem+json").body("field", equalTo("author"))
                .body("detail", containsString(reviewer));
        assertEquals(0, rows("select count(*) from review where id = ?", reviewId));
        assertEquals(0, rows("select count(*) from review where audit_id = ?", Long.parseLong(audit)));

        putReview(audit, reviewer, reviewId, body).statusCode(201).body("reviewer", equalTo(reviewer));
        assertEquals(1, rows("select count(*) from review r join app_user u on u.id = r.reviewer_id"
                + " where r.id = ? and u.username = ? and r.reviewer_sector = 'COMMUNITY'", reviewId, reviewer));
    }
}
