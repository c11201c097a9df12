package org.bestplace.audit;

import static org.bestplace.Api.as;
import static org.bestplace.Api.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.bestplace.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditApiTest {

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
