package org.bestplace.training;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
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
import org.bestplace.TestAudit;
import org.junit.jupiter.api.Test;

/** Training cases, practice answers, scores and readiness through the JSON API. */
@QuarkusTest
class TrainingApiTest {

    static final String CASES = "/api/criteria-sets/" + Api.SET_ID + "/" + Api.SET_VERSION + "/training-cases";

    /** A reference: qualifying on these criteria, or (none given) not qualifying, at home with therapy input. */
    static Map<String, Object> reference(String... criteria) {
        Map<String, Object> reference = new HashMap<>();
        reference.put("criteriaMet", List.of(criteria));
        reference.put("reasons", criteria.length == 0 ? List.of("HP-THERAPY") : List.of());
        if (criteria.length == 0) {
            reference.put("alternative", "P1");
        }
        return reference;
    }

    static Map<String, Object> trainingCase(String title, Map<String, Object> reference) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("notes", "Day 5. Observations stable overnight, eating and drinking. Plan: home with support.");
        body.put("ageBand", "75-84");
        body.put("sex", "FEMALE");
        body.put("daysSinceAdmission", 5);
        body.put("reference", reference);
        return body;
    }

    static String title(String what) {
        return what + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Writes a case as the administrator; returns its id. */
    static String write(Map<String, Object> reference) {
        return Api.asAdmin().body(trainingCase(title("Case"), reference)).post(CASES).then().statusCode(201)
                .extract().path("id");
    }

    static io.restassured.response.ValidatableResponse answer(String user, String caseId, Map<String, Object> body) {
        return Api.as(user).body(body).put(CASES + "/" + caseId + "/answer").then();
    }

    static boolean listed(String user, String title) {
        return Api.as(user).get(CASES).then().statusCode(200).extract().jsonPath().getList("title").contains(title);
    }

    @Test
    void aReferenceThatBreaksAReviewRuleIsRefusedNamingTheFieldAndNothingIsStored() {
        String unknown = title("Unknown criterion");
        Api.asAdmin().body(trainingCase(unknown, reference("NOT-A-CODE"))).post(CASES).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("reference.criteriaMet"));
        Map<String, Object> noPlace = reference();
        noPlace.remove("alternative");
        String missing = title("No alternative");
        Api.asAdmin().body(trainingCase(missing, noPlace)).post(CASES).then().statusCode(400)
                .body("field", equalTo("reference.alternative"));
        Map<String, Object> sameOutcome = reference("MED-01");
        sameOutcome.put("override", Map.of("outcome", "QUALIFIES", "reason", "Looks unwell"));
        Api.asAdmin().body(trainingCase(title("Empty override"), sameOutcome)).post(CASES).then().statusCode(400)
                .body("field", equalTo("reference.override.outcome"));
        Map<String, Object> noNotes = trainingCase(title("No notes"), reference("MED-01"));
        noNotes.remove("notes");
        Api.asAdmin().body(noNotes).post(CASES).then().statusCode(400).body("field", equalTo("notes"));
        assertFalse(listed("admin", unknown));
        assertFalse(listed("admin", missing));
    }

    @Test
    void administratorsAndTheLeadsOfAuditsUsingTheSetWriteCasesAndNobodyElse() {
        TestAudit audit = TestAudit.create();
        String title = title("Written by the lead");
        Api.as(audit.lead()).body(trainingCase(title, reference("MED-01"))).post(CASES).then().statusCode(201)
                .body("id", notNullValue());
        Api.as(audit.hospital()).body(trainingCase(title("By a reviewer"), reference("MED-01"))).post(CASES).then()
                .statusCode(403);
        Api.as(audit.chair()).body(trainingCase(title("By a chair"), reference("MED-01"))).post(CASES).then()
                .statusCode(403);
        Api.asAdmin().body(trainingCase(title, reference("MED-01"))).post(CASES).then().statusCode(409)
                .body("field", equalTo("title"));
        // the export carries the references, for those who write cases only
        String yaml = Api.as(audit.lead()).get(CASES + ".yaml").then().statusCode(200).extract().asString();
        assertTrue(yaml.contains(title), yaml);
        assertTrue(yaml.contains("reference:"), yaml);
        Api.as(audit.hospital()).get(CASES + ".yaml").then().statusCode(403);
    }

    @Test
    void theReferenceIsSentOnlyAfterTheCallerAnsweredAndTheFeedbackNamesMissedAndExtraCriteria() {
        TestAudit audit = TestAudit.create();
        String reviewer = audit.hospital();
        Map<String, Object> panel = reference("MED-01", "NUR-02");
        panel.put("override", Map.of("outcome", "DOES_NOT_QUALIFY", "reason", "Oxygen only from habit; the panel"
                + " marker SECRET-REASON"));
        panel.put("alternative", "P2");
        panel.put("reasons", List.of("HP-TTO"));
        String caseId = write(panel);

        JsonPath before = Api.as(reviewer).get(CASES).then().statusCode(200).extract().jsonPath();
        Map<String, Object> row = before.getMap("find { it.id == '" + caseId + "' }");
        assertEquals(false, row.get("answered"));
        assertEquals(null, row.get("reference"));
        assertEquals(null, row.get("referenceOutcome"));
        assertFalse(Api.as(reviewer).get(CASES).asString().contains("SECRET-REASON"));

        Map<String, Object> mine = new HashMap<>();
        mine.put("criteriaMet", List.of("MED-01", "CTR-03"));
        answer(reviewer, caseId, mine).statusCode(201)
                .body("outcome", equalTo("QUALIFIES"))
                .body("referenceOutcome", equalTo("DOES_NOT_QUALIFY"))
                .body("agrees", equalTo(false))
                .body("missedCriteria", equalTo(List.of("NUR-02")))
                .body("extraCriteria", equalTo(List.of("CTR-03")))
                .body("referenceAlternative", equalTo("P2"));
        // the same again is accepted and changes nothing; another answer is refused
        answer(reviewer, caseId, mine).statusCode(200).body("missedCriteria", equalTo(List.of("NUR-02")));
        answer(reviewer, caseId, Map.of("criteriaMet", List.of("MED-01"))).statusCode(409)
                .contentType("application/problem+json");

        JsonPath after = Api.as(reviewer).get(CASES).then().statusCode(200).extract().jsonPath();
        assertEquals(true, after.get("find { it.id == '" + caseId + "' }.answered"));
        assertEquals("P2", after.get("find { it.id == '" + caseId + "' }.reference.alternative"));
        // another reviewer still sees no reference
        assertFalse(Api.as(audit.community()).get(CASES).asString().contains("SECRET-REASON"));

        // a broken answer is refused by the review rules, naming the field
        answer(audit.community(), caseId, Map.of("criteriaMet", List.of())).statusCode(400)
                .body("field", equalTo("alternative"));
    }

    /**
     * Twenty cases against the reference, "does not qualify" positive:
     * <pre>
     *                        reference NQ   reference Q   total
     *   reviewer NQ               6              2           8
     *   reviewer Q                2             10          12
     *   total                     8             12          20
     * </pre>
     * agreement (6 + 10) / 20 = 0.80; sensitivity 6 / 8 = 0.75; specificity 10 / 12 = 0.8333;
     * chance agreement 0.4 × 0.4 + 0.6 × 0.6 = 0.52, kappa (0.80 − 0.52) / (1 − 0.52) = 0.5833:
     * below the default 0.6, so not ready until the lead sets the minimum kappa to 0.55.
     */
    @Test
    void scoresAgainstAHandWorkedTable() {
        TestAudit audit = TestAudit.create();
        String reviewer = audit.community();
        Map<String, Object> callsNotQualifying = Map.of("criteriaMet", List.of(), "alternative", "P1",
                "reasons", List.of("HP-TESTS"));
        Map<String, Object> callsQualifying = Map.of("criteriaMet", List.of("MED-01"));
        for (int i = 0; i < 8; i++) {
            answer(reviewer, write(reference()), i < 6 ? callsNotQualifying : callsQualifying).statusCode(201);
        }
        for (int i = 0; i < 12; i++) {
            answer(reviewer, write(reference("MED-01")), i < 10 ? callsQualifying : callsNotQualifying)
                    .statusCode(201);
        }
        String path = "/api/audits/" + audit.id() + "/readiness";
        String me = "reviewers.find { it.username == '" + reviewer + "' }";
        JsonPath readiness = Api.as(audit.lead()).get(path).then().statusCode(200).extract().jsonPath();
        assertEquals(10, readiness.getInt("rule.minCases"));
        assertEquals(0.6, readiness.getDouble("rule.minKappa"), 1e-6);
        assertEquals(0.8, readiness.getDouble("rule.minAgreement"), 1e-6);
        assertEquals(false, readiness.getBoolean("rule.required"));
        assertEquals(20, readiness.getInt(me + ".answered"));
        assertEquals(16, readiness.getInt(me + ".agreed"));
        assertEquals(0.8, readiness.getDouble(me + ".percentAgreement"), 1e-4);
        assertEquals(0.5833, readiness.getDouble(me + ".kappa"), 1e-4);
        assertTrue(readiness.getDouble(me + ".ci95.low") < 0.5833 && readiness.getDouble(me + ".ci95.high") > 0.5833);
        assertEquals(0.75, readiness.getDouble(me + ".sensitivity"), 1e-4);
        assertEquals(0.8333, readiness.getDouble(me + ".specificity"), 1e-4);
        assertEquals(false, readiness.getBoolean(me + ".ready"));
        assertEquals(0, readiness.getInt("reviewers.find { it.username == '" + audit.hospital() + "' }.answered"));
        Api.as(audit.hospital()).get(path).then().statusCode(403);
        Api.as(audit.lead()).body(Map.of("minCases", 10, "minKappa", 0.55, "minAgreement", 0.8, "required", false))
                .put("/api/audits/" + audit.id() + "/readiness-rule").then().statusCode(200)
                .body("minCases", equalTo(10));
        Api.as(audit.lead()).get(path).then().body(me + ".ready", equalTo(true));

        // a new round: everyone answers afresh, and the earlier answers are kept
        Api.as(audit.lead()).post("/api/audits/" + audit.id() + "/training-rounds").then().statusCode(201)
                .body("number", equalTo(2));
        Api.as(audit.lead()).get(path).then().body("round", equalTo(2)).body(me + ".answered", equalTo(0))
                .body(me + ".ready", equalTo(false)).body(me + ".kappa", nullValue());
        Api.as(audit.hospital()).post("/api/audits/" + audit.id() + "/training-rounds").then().statusCode(403);
    }

    @Test
    void aReadinessRuleOutOfRangeIsRefusedNamingTheField() {
        TestAudit audit = TestAudit.create();
        String rule = "/api/audits/" + audit.id() + "/readiness-rule";
        Api.as(audit.lead()).body(Map.of("minCases", 10, "minKappa", 0.6, "minAgreement", 1.5, "required", true))
                .put(rule).then().statusCode(400).body("field", equalTo("minAgreement"));
        Api.as(audit.lead()).body(Map.of("minCases", -1, "minKappa", 0.6, "minAgreement", 0.8)).put(rule).then()
                .statusCode(400).body("field", equalTo("minCases"));
        Api.as(audit.hospital()).body(Map.of("minCases", 1, "minKappa", 0.6, "minAgreement", 0.8)).put(rule).then()
                .statusCode(403);
        Api.as(audit.lead()).get("/api/audits/" + audit.id() + "/readiness").then().body("rule.required",
                equalTo(false)).body("rule.minCases", equalTo(10));
    }

    @Test
    void withReadinessRequiredAReviewFromAReviewerBelowTheRuleIsRefusedUntilTheyReachIt() {
        TestAudit audit = TestAudit.create();
        String reviewer = audit.hospital();
        String caseId = Api.registerCase(audit.id(), reviewer);
        Api.as(audit.lead()).body(Map.of("minCases", 2, "minKappa", 0.6, "minAgreement", 0.8, "required", true))
                .put("/api/audits/" + audit.id() + "/readiness-rule").then().statusCode(200);
        String reviewId = UUID.randomUUID().toString();
        Map<String, Object> review = Api.submittedReview(caseId, true, "MED-01");
        Api.putReview(audit.id(), reviewer, reviewId, review).statusCode(409)
                .contentType("application/problem+json").body("field", equalTo("training"))
                .body("detail", org.hamcrest.Matchers.containsString("You have answered 0"));
        Api.as(audit.lead()).get("/api/audits/" + audit.id() + "/reviews/" + reviewId).then().statusCode(404);

        answer(reviewer, write(reference("MED-01")), Map.of("criteriaMet", List.of("MED-01"))).statusCode(201);
        answer(reviewer, write(reference()), Map.of("criteriaMet", List.of(), "alternative", "P3")).statusCode(201);
        Api.putReview(audit.id(), reviewer, reviewId, review).statusCode(201);
    }
}
