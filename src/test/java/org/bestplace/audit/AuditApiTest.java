package org.bestplace.audit;

import static org.bestplace.Api.as;
import static org.bestplace.Api.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.bestplace.Api;
import org.bestplace.Db;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditApiTest {

    @Inject
    AgroalDataSource dataSource;

    static final String DRAFT_SET = """
            id: audit-test-draft
            version: "1"
            title: A draft set
            groups:
              - code: G1
                title: Group
                criteria:
                  - code: C1
                    text: Needs oxygen
            alternatives:
              - code: HOME
                title: Home
            reasons:
              - code: R1
                title: Awaiting tests
                group: HOSPITAL_PROCESS
            """;

    @Test
    void anAuditWithARatifiedSetIsCreatedPlanned() {
        asAdmin().body(Api.auditBody("Winter audit")).post("/api/audits")
                .then().statusCode(201)
                .body("status", equalTo("PLANNED"))
                .body("criteriaSet.id", equalTo(Api.SET_ID))
                .body("criteriaSet.contentHash", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
                .body("wards", hasItem("Ward A"));
    }

    @Test
    void anAuditWithADraftSetIsRefused() {
        Api.uploadYaml("admin", DRAFT_SET).statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        Map<String, Object> body = new HashMap<>(Api.auditBody("Draft audit"));
        body.put("criteriaSet", Map.of("id", "audit-test-draft", "version", "1"));
        asAdmin().body(body).post("/api/audits")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("criteriaSet"))
                .body("detail", containsString("DRAFT"));
    }

    @Test
    void missingFieldsAreNamed() {
        Map<String, Object> body = new HashMap<>(Api.auditBody("No question"));
        body.remove("question");
        asAdmin().body(body).post("/api/audits")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("question"));
    }

    @Test
    void membersSeeTheirAuditsAndOutsidersDoNot() {
        String audit = Api.collectingAudit();
        String chair = Api.user("chair", "HOSPITAL", "CHAIR");
        Api.member(audit, chair, "CHAIR", "HOSPITAL");
        as(chair).get("/api/audits").then().statusCode(200).body("id", hasItem(audit));
        as(chair).get("/api/audits/" + audit).then().statusCode(200).body("title", containsString("Audit"));
        as(chair).get("/api/audits/" + audit + "/members").then().statusCode(200)
                .body("username", hasItem(chair));
        as(chair).get("/api/me").then().statusCode(200).body("audits.auditId", hasItem(audit));

        String outsider = Api.user("outsider", "COMMISSIONER", "COMMISSIONER");
        as(outsider).get("/api/audits").then().statusCode(200).body("id", not(hasItem(audit)));
        as(outsider).get("/api/audits/" + audit).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyTheLeadOrAnAdminManagesTheTeam() {
        String audit = Api.collectingAudit();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String other = Api.user("other", "COMMUNITY", "REVIEWER");
        as(reviewer).body(Map.of("username", other, "role", "REVIEWER", "sector", "COMMUNITY"))
                .post("/api/audits/" + audit + "/members").then().statusCode(403);
        String lead = Api.user("lead", "COMMISSIONER", "COMMISSIONER");
        Api.member(audit, lead, "LEAD", "COMMISSIONER");
        as(lead).body(Map.of("username", other, "role", "REVIEWER", "sector", "COMMUNITY"))
                .post("/api/audits/" + audit + "/members").then().statusCode(201).body("sector", equalTo("COMMUNITY"));
        as(lead).body(Map.of("username", other, "role", "REVIEWER", "sector", "COMMUNITY"))
                .post("/api/audits/" + audit + "/members").then().statusCode(409);
    }

    @Test
    void theLifecycleMovesForwardAndBackOnlyWithAReason() {
        String audit = Api.collectingAudit();
        String path = "/api/audits/" + audit + "/status";
        asAdmin().body(Map.of("status", "PLANNED")).post(path).then().statusCode(409).body("field", equalTo("status"));
        asAdmin().body(Map.of("status", "CLOSED")).post(path).then().statusCode(200).body("status", equalTo("CLOSED"));
        asAdmin().body(Map.of("status", "COLLECTING")).post(path).then().statusCode(400)
                .body("field", equalTo("reason"));
        asAdmin().body(Map.of("status", "COLLECTING", "reason", "Ward B missed a day")).post(path)
                .then().statusCode(200).body("status", equalTo("COLLECTING"));
        asAdmin().body(Map.of("status", "NOT_A_STATUS")).post(path).then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** The rule's words, the same on the status page and in the API's refusal. */
    static final String RULE = "An audit starts collecting only when its team has a chair and reviewers from at"
            + " least two sectors.";

    @Test
    void anAuditWithoutAChairOrWithReviewersOfOneSectorDoesNotStartCollecting() throws Exception {
        String audit = asAdmin().body(Api.auditBody("Team rule audit")).post("/api/audits").then().statusCode(201)
                .extract().path("id");
        String path = "/api/audits/" + audit + "/status";
        asAdmin().body(Map.of("status", "COLLECTING")).post(path).then().statusCode(409)
                .contentType("application/problem+json").body("field", equalTo("status"))
                .body("detail", equalTo(RULE + " This audit has no chair and no reviewers yet."));

        Api.reviewerOn(audit, "HOSPITAL");
        Api.reviewerOn(audit, "HOSPITAL");
        asAdmin().body(Map.of("status", "COLLECTING")).post(path).then().statusCode(409)
                .body("detail", equalTo(RULE + " This audit has no chair yet, and its reviewers are all from the"
                        + " HOSPITAL sector."));

        String chair = Api.user("chair", "COMMUNITY", "CHAIR");
        Api.member(audit, chair, "CHAIR", "COMMUNITY");
        asAdmin().body(Map.of("status", "COLLECTING")).post(path).then().statusCode(409)
                .body("detail", equalTo(RULE + " This audit's reviewers are all from the HOSPITAL sector."));
        as(chair).get("/api/audits/" + audit).then().statusCode(200).body("status", equalTo("PLANNED"));
        assertEquals(0, Db.number(dataSource, "select count(*) from audit_status_change where audit_id = ?",
                audit), "a refused move is not recorded");

        Api.reviewerOn(audit, "COMMISSIONER");
        asAdmin().body(Map.of("status", "COLLECTING")).post(path).then().statusCode(200)
                .body("status", equalTo("COLLECTING"));
        assertEquals(1, Db.number(dataSource, "select count(*) from audit_status_change where audit_id = ?"
                + " and to_status = 'COLLECTING'", audit));
        assertEquals(1, Db.number(dataSource, "select count(*) from activity_log where event = 'AUDIT_STATUS'"
                + " and audit_id = ? and username = 'admin' and detail = 'Moved the audit from PLANNED to COLLECTING'",
                audit));
    }

    @Test
    void theLeadChangesTheSetUpWhilePlannedAndNotAfter() throws Exception {
        String audit = asAdmin().body(Api.auditBody("Planned audit")).post("/api/audits").then().statusCode(201)
                .extract().path("id");
        String lead = Api.user("lead", "COMMUNITY", "REVIEWER");
        Api.member(audit, lead, "LEAD", "COMMUNITY");
        Map<String, Object> body = new HashMap<>(Api.auditBody("Renamed audit"));
        body.put("wards", java.util.List.of("Ward C"));
        body.put("dualReviewRate", 0.25);
        body.put("timeZone", "Europe/Dublin");
        as(lead).body(body).put("/api/audits/" + audit).then().statusCode(200)
                .body("title", equalTo("Renamed audit")).body("wards", equalTo(java.util.List.of("Ward C")))
                .body("timeZone", equalTo("Europe/Dublin"));
        as(lead).get("/api/audits/" + audit).then().body("dualReviewRate", equalTo(0.25f));
        assertEquals(1, Db.number(dataSource, "select count(*) from activity_log where event = 'AUDIT_SETUP'"
                + " and audit_id = ? and detail like 'Changed the audit''s title, wards, time zone, dual-review rate%'",
                audit));

        // Each refusal names its field and changes nothing.
        Map<String, Object> blank = new HashMap<>(body);
        blank.put("title", " ");
        as(lead).body(blank).put("/api/audits/" + audit).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("title"));
        Map<String, Object> backwards = new HashMap<>(body);
        backwards.put("endDate", "2026-10-01");
        as(lead).body(backwards).put("/api/audits/" + audit).then().statusCode(400).body("field", equalTo("endDate"));
        Map<String, Object> twice = new HashMap<>(body);
        twice.put("wards", java.util.List.of("Ward C", "Ward C "));
        as(lead).body(twice).put("/api/audits/" + audit).then().statusCode(400).body("field", equalTo("wards"));
        Map<String, Object> noSet = new HashMap<>(body);
        noSet.put("criteriaSet", Map.of("id", "no-such-set", "version", "1"));
        as(lead).body(noSet).put("/api/audits/" + audit).then().statusCode(400).body("field", equalTo("criteriaSet"));
        as(lead).get("/api/audits/" + audit).then().body("title", equalTo("Renamed audit"))
                .body("endDate", equalTo("2026-11-30"));

        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        as(reviewer).body(body).put("/api/audits/" + audit).then().statusCode(403)
                .contentType("application/problem+json");
        String outsider = Api.user("outsider", "HOSPITAL", "REVIEWER");
        as(outsider).body(body).put("/api/audits/" + audit).then().statusCode(404);

        Api.startCollecting(audit);
        Map<String, Object> late = new HashMap<>(body);
        late.put("title", "Too late");
        as(lead).body(late).put("/api/audits/" + audit).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("PLANNED"))
                .body("detail", containsString("COLLECTING"));
        as(lead).get("/api/audits/" + audit).then().body("title", equalTo("Renamed audit"));
    }

    @Test
    void theLeadChangesAMembersRolesAndTakesThemOffTheTeamTheirReviewsStay() throws Exception {
        String audit = Api.collectingAudit();
        String lead = Api.user("lead", "COMMUNITY", "REVIEWER");
        Api.member(audit, lead, "LEAD", "COMMUNITY");
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String members = "/api/audits/" + audit + "/members/";

        as(lead).body(Map.of("roles", java.util.List.of("REVIEWER", "CHAIR"))).put(members + reviewer).then()
                .statusCode(200).body("role", org.hamcrest.Matchers.containsInAnyOrder("REVIEWER", "CHAIR"))
                .body("sector", org.hamcrest.Matchers.everyItem(equalTo("HOSPITAL")));
        as(lead).body(Map.of("roles", java.util.List.of("CHAIR"))).put(members + reviewer).then().statusCode(200)
                .body("role", equalTo(java.util.List.of("CHAIR")));
        assertEquals(2, Db.number(dataSource, "select count(*) from activity_log where event = 'ROLE_CHANGE'"
                + " and audit_id = ? and detail like ?", audit, reviewer + "'s roles on the team changed%"));

        // Refusals: each alone at fault, nothing changed.
        as(lead).body(Map.of("roles", java.util.List.of())).put(members + reviewer).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("roles"));
        as(lead).body(Map.of("roles", java.util.List.of("CAPTAIN"))).put(members + reviewer).then().statusCode(400)
                .contentType("application/problem+json");
        as(lead).body(Map.of("roles", java.util.List.of("REVIEWER"))).put(members + lead).then().statusCode(403)
                .contentType("application/problem+json");
        String outsider = Api.user("outsider", "HOSPITAL", "REVIEWER");
        as(lead).body(Map.of("roles", java.util.List.of("REVIEWER"))).put(members + outsider).then().statusCode(404)
                .contentType("application/problem+json").body("field", equalTo("member"));
        as(reviewer).body(Map.of("roles", java.util.List.of("REVIEWER"))).put(members + reviewer).then()
                .statusCode(403);
        as(lead).get("/api/audits/" + audit + "/members").then()
                .body("findAll { it.username == '" + reviewer + "' }.role", equalTo(java.util.List.of("CHAIR")));

        // A review written before they leave stays, under their name; they no longer reach the audit.
        String writer = Api.reviewerOn(audit, "COMMUNITY");
        String caseId = Api.registerCase(audit, writer);
        String reviewId = java.util.UUID.randomUUID().toString();
        Api.putReview(audit, writer, reviewId, Api.submittedReview(caseId, false, null)).statusCode(201);
        as(writer).delete(members + lead).then().statusCode(403);
        as(lead).delete(members + writer).then().statusCode(204);
        as(writer).get("/api/audits/" + audit).then().statusCode(404);
        as(writer).get("/api/audits").then().body("id", not(hasItem(audit)));
        asAdmin().get("/api/audits/" + audit + "/reviews/" + reviewId).then().statusCode(200)
                .body("reviewer", equalTo(writer)).body("reviewerSector", equalTo("COMMUNITY"));
        as(lead).get("/api/audits/" + audit + "/members").then().body("username", not(hasItem(writer)));
        assertEquals(1, Db.number(dataSource, "select count(*) from activity_log where event = 'ROLE_CHANGE'"
                + " and audit_id = ? and detail like ?", audit, writer + " left the team%"));
        as(lead).delete(members + writer).then().statusCode(404).contentType("application/problem+json");
        as(lead).delete(members + lead).then().statusCode(403);

        asAdmin().body(Map.of("status", "CLOSED")).post("/api/audits/" + audit + "/status").then().statusCode(200);
        as(lead).delete(members + reviewer).then().statusCode(409).body("detail", containsString("CLOSED"));
        as(lead).body(Map.of("roles", java.util.List.of("REVIEWER"))).put(members + reviewer).then().statusCode(409);
        as(lead).get("/api/audits/" + audit + "/members").then().body("username", hasItem(reviewer));
    }

    @Test
    void malformedJsonIsAProblem() {
        asAdmin().body("{\"title\": \"unclosed").post("/api/audits")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"))
                .body(not(containsString("Exception")))
                .body(not(containsString("com.fasterxml")));
    }

    @Test
    void aWrongTypeNamesTheField() {
        Map<String, Object> body = new HashMap<>(Api.auditBody("Bad date"));
        body.put("startDate", "first of November");
        asAdmin().body(body).post("/api/audits")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("startDate"));
    }

    @Test
    void onlyAnAdminCreatesAudits() {
        String reviewer = Api.user("reviewer", "HOSPITAL", "REVIEWER");
        as(reviewer).body(Api.auditBody("Not allowed")).post("/api/audits").then().statusCode(403);
    }
}
