package org.bestplace.debrief;

import static org.bestplace.Api.as;
import static org.bestplace.Api.asAdmin;
import static org.bestplace.Api.putReview;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.review.DualReview;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A hand-built day (10 November) whose figures are worked out below, then the chair's debrief.
 *
 * <pre>
 * case ward admitted age   stay band | reviews in order (sector: outcome)
 * 1    A    08 Nov   75-84 2    0-6  | H: Q
 * 2    A    01 Nov   85+   9    7-13 | H: DNQ P1 [HP-TESTS, SC-ASSESS], then C: DNQ P1 [CC-HOME-CARE]
 * 3    B    20 Oct   85+   21   21+  | C: DNQ P3 [SC-CARE-HOME], then M: Q
 * 4    B    10 Nov   40-64 0    0-6  | M: criterion met but overridden to DNQ, P0 [PF-CHOICE, HP-TESTS], flagged
 * 5    B    25 Oct   65-74 16   14-20| C: Q, flagged
 * </pre>
 * As reviewed (first review of each case): 5 reviewed, 3 not qualifying (cases 2, 3, 4).
 */
@QuarkusTest
class DebriefApiTest {

    static final String DAY = "2026-11-10";
    String audit;
    String hospital;
    String community;
    String commissioner;
    String chair;
    String[] cases = new String[6];
    String criterion;

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    @BeforeEach
    void buildTheDay() {
        audit = Api.collectingAudit();
        hospital = Api.reviewerOn(audit, "HOSPITAL");
        community = Api.reviewerOn(audit, "COMMUNITY");
        commissioner = Api.reviewerOn(audit, "COMMISSIONER");
        chair = Api.user("chair", "HOSPITAL", "CHAIR");
        Api.member(audit, chair, "CHAIR", "HOSPITAL");
        criterion = Api.firstCriterion();
        cases[1] = register("Ward A", "75-84", "2026-11-08");
        cases[2] = register("Ward A", "85+", "2026-11-01");
        cases[3] = register("Ward B", "85+", "2026-10-20");
        cases[4] = register("Ward B", "40-64", "2026-11-10");
        cases[5] = register("Ward B", "65-74", "2026-10-25");
        review(hospital, cases[1], qualifies(false));
        review(hospital, cases[2], notQualifying("P1", List.of("HP-TESTS", "SC-ASSESS")));
        review(community, cases[2], notQualifying("P1", List.of("CC-HOME-CARE")));
        review(community, cases[3], notQualifying("P3", List.of("SC-CARE-HOME")));
        review(commissioner, cases[3], qualifies(false));
        Map<String, Object> overridden = notQualifying("P0", List.of("PF-CHOICE", "HP-TESTS"));
        overridden.put("criteriaMet", List.of(criterion));
        overridden.put("override", Map.of("outcome", "DOES_NOT_QUALIFY", "reason", "Oxygen is her usual home dose"));
        overridden.put("flagged", true);
        review(commissioner, cases[4], overridden);
        review(community, cases[5], qualifies(true));
    }

    String register(String ward, String ageBand, String admitted) {
        return as(hospital).body(Map.of("ward", ward, "specialty", "General medicine", "ageBand", ageBand,
                "sex", "FEMALE", "admissionDate", admitted)).post("/api/audits/" + audit + "/cases")
                .then().statusCode(201).extract().path("id");
    }

    Map<String, Object> qualifies(boolean flagged) {
        Map<String, Object> body = new HashMap<>();
        body.put("reviewDate", DAY);
        body.put("criteriaMet", List.of(criterion));
        body.put("flagged", flagged);
        body.put("submitted", true);
        return body;
    }

    Map<String, Object> notQualifying(String alternative, List<String> reasons) {
        Map<String, Object> body = new HashMap<>();
        body.put("reviewDate", DAY);
        body.put("criteriaMet", List.of());
        body.put("alternative", alternative);
        body.put("reasons", reasons);
        body.put("submitted", true);
        return body;
    }

    String review(String reviewer, String caseId, Map<String, Object> body) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> withCase = new HashMap<>(body);
        withCase.put("caseId", caseId);
        putReview(audit, reviewer, id, withCase).statusCode(201);
        return id;
    }

    JsonPath summary(String query) {
        return as(chair).get("/api/audits/" + audit + "/summary" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theDaySummaryMatchesTheHandCount() {
        JsonPath s = summary("?date=" + DAY);
        assertEquals(5, s.getInt("reviewed"));
        assertEquals(2, s.getInt("qualifying"));
        assertEquals(3, s.getInt("notQualifying"));
        assertEquals(0.6, s.getDouble("proportionNotQualifying"), 1e-6);
        // Wilson 3 of 5, by hand: centre 0.5566, half-width 0.3258
        assertEquals(0.2307, s.getDouble("ci95.low"), 0.0001);
        assertEquals(0.8824, s.getDouble("ci95.high"), 0.0001);
        assertEquals(List.of("Ward A:2:1", "Ward B:3:2"), rows(s, "byWard"));
        assertEquals(List.of("COMMISSIONER:1:1", "COMMUNITY:2:1", "HOSPITAL:2:1"), rows(s, "bySector"));
        assertEquals(List.of("0-6:2:1", "7-13:1:1", "14-20:1:0", "21+:1:1"), rows(s, "byStayBand"));
        assertEquals(List.of("40-64:1:1", "65-74:1:0", "75-84:1:0", "85+:2:2"), rows(s, "byAgeBand"));
        assertEquals("HP-TESTS", s.getString("reasons[0].code"));
        assertEquals(2, s.getInt("reasons[0].count"));
        assertEquals(4, s.getList("reasons").size());
        assertEquals(3, s.getList("alternatives").size());
        assertEquals(7, s.getInt("reviews"));
        assertEquals(1.0 / 7, s.getDouble("overrideRate"), 1e-6);
        // as agreed: case 3 is unresolved until the debrief decides
        assertEquals(4, s.getInt("asAgreed.reviewed"));
        assertEquals(2, s.getInt("asAgreed.notQualifying"));
        assertEquals(1, s.getInt("asAgreed.unresolved"));
        // cumulative equals the day here, as nothing else was reviewed
        assertEquals(5, summary("").getInt("reviewed"));
        assertEquals(0, summary("?date=2026-11-11").getInt("reviewed"));
    }

    static List<String> rows(JsonPath s, String list) {
        List<Map<String, Object>> rows = s.getList(list);
        return rows.stream().map(r -> r.get("key") + ":" + r.get("reviewed") + ":" + r.get("notQualifying")).toList();
    }

    @Test
    void agreementOverTheTwoDualReviewedCases() {
        // case 2: both DNQ (a = 1); case 3: first DNQ, second Q (b = 1). po = 0.5, pe = 1.0*0.5 + 0*0.5 = 0.5.
        JsonPath a = as(chair).get("/api/audits/" + audit + "/agreement?date=" + DAY).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, a.getInt("pairs"));
        assertEquals(1, a.getInt("agreed"));
        assertEquals(0.5, a.getDouble("percentAgreement"), 1e-6);
        assertEquals(0.0, a.getDouble("kappa"), 1e-6);
        assertEquals(0.0, a.getDouble("pabak"), 1e-6);
        List<Map<String, Object>> pairs = a.getList("bySectorPair");
        assertEquals(List.of("COMMISSIONER/COMMUNITY:1:0", "COMMUNITY/HOSPITAL:1:1"), pairs.stream()
                .map(p -> p.get("sectors") + ":" + p.get("pairs") + ":" + p.get("agreed")).toList());
    }

    @Test
    void theQueueHoldsDisagreementsFlagsAndOverrides() {
        as(chair).post("/api/audits/" + audit + "/debriefs/" + DAY + "/opening").then().statusCode(200);
        as(chair).get("/api/audits/" + audit + "/debriefs/" + DAY).then().statusCode(200)
                .body("queue", hasSize(3))
                .body("queue.find { it.caseId == '" + cases[3] + "' }.why", contains("DISAGREEMENT"))
                .body("queue.find { it.caseId == '" + cases[3] + "' }.reviews", hasSize(2))
                .body("queue.find { it.caseId == '" + cases[4] + "' }.why", contains("FLAGGED", "OVERRIDE"))
                .body("queue.find { it.caseId == '" + cases[5] + "' }.why", contains("FLAGGED"))
                .body("summary.reviewed", equalTo(5));
    }

    @Test
    void aDecisionChangesTheAgreedOutcomeAndNotTheReview() {
        as(chair).post("/api/audits/" + audit + "/debriefs/" + DAY + "/opening").then().statusCode(200);
        as(chair).body(Map.of("caseId", cases[3], "outcome", "QUALIFIES", "reason", "Still on IV antibiotics"))
                .post("/api/audits/" + audit + "/debriefs/" + DAY + "/decisions").then().statusCode(201)
                .body("outcome", equalTo("QUALIFIES")).body("alternative", nullValue());
        JsonPath s = summary("?date=" + DAY);
        assertEquals(5, s.getInt("asAgreed.reviewed"));
        assertEquals(2, s.getInt("asAgreed.notQualifying"));
        assertEquals(0, s.getInt("asAgreed.unresolved"));
        assertEquals(1, s.getInt("asAgreed.decided"));
        assertEquals(3, s.getInt("notQualifying"), "as reviewed is unchanged");
        String communityReview = as(community).get("/api/audits/" + audit + "/debriefs/" + DAY).then()
                .statusCode(200).extract().path("queue.find { it.caseId == '" + cases[3] + "' }.reviews[0].id");
        as(community).get("/api/audits/" + audit + "/reviews/" + communityReview).then().statusCode(200)
                .body("outcome", equalTo("DOES_NOT_QUALIFY")).body("version", equalTo(0));
    }

    /** The reasons for delay the debrief agreed stay with the decision and with each version of it. */
    @Test
    void aDecisionKeepsItsReasonsForDelayWithItsHistory() {
        String path = "/api/audits/" + audit + "/debriefs/" + DAY + "/decisions";
        as(chair).post("/api/audits/" + audit + "/debriefs/" + DAY + "/opening").then().statusCode(200);
        as(chair).body(Map.of("caseId", cases[3], "outcome", "DOES_NOT_QUALIFY", "alternative", "P3",
                "delayReasons", List.of("SC-CARE-HOME", "SC-FUNDING"), "reason", "Waiting on the care home"))
                .post(path).then().statusCode(201)
                .body("delayReasons", containsInAnyOrder("SC-CARE-HOME", "SC-FUNDING"));
        as(chair).body(Map.of("caseId", cases[3], "outcome", "DOES_NOT_QUALIFY", "alternative", "P3",
                "delayReasons", List.of("SC-CARE-HOME"), "reason", "Funding agreed this morning"))
                .post(path).then().statusCode(201)
                .body("delayReasons", contains("SC-CARE-HOME"))
                .body("history", hasSize(2))
                .body("history[0].delayReasons", containsInAnyOrder("SC-CARE-HOME", "SC-FUNDING"))
                .body("history[1].delayReasons", contains("SC-CARE-HOME"));
        as(chair).get("/api/audits/" + audit + "/debriefs/" + DAY).then().statusCode(200)
                .body("decisions[0].delayReasons", contains("SC-CARE-HOME"));
        // Without the field, a decision has none: the field is additive.
        as(chair).body(Map.of("caseId", cases[2], "outcome", "DOES_NOT_QUALIFY", "alternative", "P1",
                "reason", "Agreed P1")).post(path).then().statusCode(201).body("delayReasons", hasSize(0));
    }

    /** A reason for delay the criteria set does not have, or one on a qualifying patient: 400 naming the field, nothing kept. */
    @Test
    void aBadReasonForDelayIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        String path = "/api/audits/" + audit + "/debriefs/" + DAY + "/decisions";
        as(chair).post("/api/audits/" + audit + "/debriefs/" + DAY + "/opening").then().statusCode(200);
        String decisions = "select count(*) from decision d join debrief b on b.id = d.debrief_id where b.audit_id = ?";
        String reasons = "select count(*) from decision_delay_reason r join decision d on d.id = r.decision_id"
                + " join debrief b on b.id = d.debrief_id where b.audit_id = ?";
        as(chair).body(Map.of("caseId", cases[3], "outcome", "DOES_NOT_QUALIFY", "alternative", "P3",
                "delayReasons", List.of("SC-CARE-HOME", "NOT-A-REASON"), "reason", "Care home"))
                .post(path).then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("delayReasons"))
                .body("detail", org.hamcrest.Matchers.containsString("NOT-A-REASON"));
        as(chair).body(Map.of("caseId", cases[3], "outcome", "QUALIFIES", "delayReasons", List.of("SC-CARE-HOME"),
                "reason", "Still on IV antibiotics")).post(path).then().statusCode(400)
                .body("field", equalTo("delayReasons"));
        as(chair).body(Map.of("caseId", cases[3], "outcome", "DOES_NOT_QUALIFY", "alternative", "P3",
                "delayReasons", List.of("SC-CARE-HOME", "SC-CARE-HOME"), "reason", "Care home"))
                .post(path).then().statusCode(400).body("field", equalTo("delayReasons"));
        assertEquals(0, org.bestplace.Db.number(dataSource, decisions, Long.parseLong(audit)), "no decision stored");
        assertEquals(0, org.bestplace.Db.number(dataSource, reasons, Long.parseLong(audit)), "no reason stored");
    }

    /** Attendees: team members by username, recorded by display name and sector; others with their organisation. */
    @Test
    void attendeesComeFromTheTeamOrWithTheirOrganisation() {
        String base = "/api/audits/" + audit + "/debriefs/" + DAY;
        as(chair).post(base + "/opening").then().statusCode(200);
        as(chair).body(Map.of("attendees", List.of(Map.of("username", chair), Map.of("username", community),
                Map.of("name", "Sam Lee", "organisation", "Northshire social care"))))
                .put(base).then().statusCode(200)
                .body("attendees", hasSize(3))
                .body("attendees[0].name", equalTo("Test chair"))
                .body("attendees[0].sector", equalTo("HOSPITAL"))
                .body("attendees[0].username", equalTo(chair))
                .body("attendees[1].sector", equalTo("COMMUNITY"))
                .body("attendees[2].organisation", equalTo("Northshire social care"))
                .body("attendees[2].sector", nullValue());
        as(chair).body(Map.of("attendees", List.of(Map.of("name", "Sam Lee")))).put(base).then().statusCode(400)
                .body("field", equalTo("attendees"));
        String stranger = Api.user("stranger", "HOSPITAL", "REVIEWER");
        as(chair).body(Map.of("attendees", List.of(Map.of("username", stranger)))).put(base).then().statusCode(400)
                .body("field", equalTo("attendees"));
        as(chair).get(base).then().statusCode(200).body("attendees", hasSize(3));
    }

    @Test
    void decisionsNeedTheChairAndAnAlternativeWhenNotQualifying() {
        as(chair).post("/api/audits/" + audit + "/debriefs/" + DAY + "/opening").then().statusCode(200);
        String path = "/api/audits/" + audit + "/debriefs/" + DAY + "/decisions";
        as(hospital).body(Map.of("caseId", cases[3], "outcome", "QUALIFIES", "reason", "x")).post(path)
                .then().statusCode(403);
        as(chair).body(Map.of("caseId", cases[3], "outcome", "DOES_NOT_QUALIFY", "reason", "Agreed P3")).post(path)
                .then().statusCode(400).body("field", equalTo("alternative"));
        as(chair).body(Map.of("caseId", cases[3], "outcome", "DOES_NOT_QUALIFY", "alternative", "P3",
                "reason", "Agreed P3")).post(path).then().statusCode(201);
    }

    @Test
    void signOffLocksTheDayAndOnlyAnAdminReopensItWithAReason() {
        String base = "/api/audits/" + audit + "/debriefs/" + DAY;
        as(chair).post(base + "/opening").then().statusCode(200);
        as(chair).body(Map.of("attendees", List.of(Map.of("name", "Dr Chair", "sector", "HOSPITAL"),
                        Map.of("name", "District nurse", "sector", "COMMUNITY")),
                "notes", "Long waits for care home places", "actions", List.of("Escalate P3 delays")))
                .put(base).then().statusCode(200).body("attendees", hasSize(2));
        String existing = review(hospital, cases[4], Map.of("reviewDate", DAY, "criteriaMet", List.of(criterion),
                "submitted", false));
        as(hospital).post(base + "/sign-off").then().statusCode(403);
        as(chair).post(base + "/sign-off").then().statusCode(200).body("signedOffBy", equalTo(chair));

        Map<String, Object> late = qualifies(false);
        late.put("caseId", cases[1]);
        putReview(audit, community, UUID.randomUUID().toString(), late).statusCode(409);
        Map<String, Object> change = new HashMap<>(Map.of("caseId", cases[4], "reviewDate", DAY,
                "criteriaMet", List.of(criterion), "submitted", true));
        putReview(audit, hospital, existing, change).statusCode(409);
        as(chair).body(Map.of("caseId", cases[3], "outcome", "QUALIFIES", "reason", "late")).post(base + "/decisions")
                .then().statusCode(409);
        as(chair).body(Map.of("notes", "edited")).put(base).then().statusCode(409);
        as(chair).post(base + "/sign-off").then().statusCode(409);

        as(chair).body(Map.of("reason", "Missed a case")).post(base + "/reopenings").then().statusCode(403);
        asAdmin().body(Map.of("reason", " ")).post(base + "/reopenings").then().statusCode(400);
        asAdmin().body(Map.of("reason", "Ward B's last case was missed")).post(base + "/reopenings")
                .then().statusCode(201).body("wasSignedOffBy", equalTo(chair));
        as(chair).get(base).then().statusCode(200).body("signedOffBy", nullValue())
                .body("reopenings[0].reason", equalTo("Ward B's last case was missed"));
        putReview(audit, hospital, existing, change).statusCode(200);
    }

    @Test
    void theSecondReviewIsBlindUntilBothAreSubmittedOrTheDebriefOpens() {
        String day = "2026-11-12";
        Map<String, Object> first = new HashMap<>(notQualifying("P1", List.of("HP-TESTS")));
        first.put("reviewDate", day);
        String firstId = review(hospital, cases[2], first);
        as(community).get("/api/audits/" + audit + "/reviews/" + firstId).then().statusCode(404);
        Map<String, Object> draft = new HashMap<>(qualifies(false));
        draft.put("reviewDate", day);
        draft.put("submitted", false);
        String secondId = review(community, cases[2], draft);
        as(community).get("/api/audits/" + audit + "/reviews/" + firstId).then().statusCode(404);
        draft.put("submitted", true);
        draft.put("caseId", cases[2]);
        putReview(audit, community, secondId, draft).statusCode(200);
        as(community).get("/api/audits/" + audit + "/reviews/" + firstId).then().statusCode(200)
                .body("outcome", equalTo("DOES_NOT_QUALIFY"));

        // another reviewer, not part of the pair, waits for the debrief to open
        as(commissioner).get("/api/audits/" + audit + "/reviews/" + firstId).then().statusCode(404);
        as(commissioner).get("/api/audits/" + audit + "/debriefs/" + day).then().statusCode(404);
        // the chair looking at the day does not open it: the commissioner stays blind
        as(chair).get("/api/audits/" + audit + "/debriefs/" + day).then().statusCode(200)
                .body("opened", equalTo(false)).body("queue", hasSize(0)).body("openedBy", nullValue());
        as(commissioner).get("/api/audits/" + audit + "/reviews/" + firstId).then().statusCode(404);
        as(chair).post("/api/audits/" + audit + "/debriefs/" + day + "/opening").then().statusCode(200);
        as(commissioner).get("/api/audits/" + audit + "/reviews/" + firstId).then().statusCode(200);
    }

    @Test
    void aSecondReviewComesFromAnotherSectorAndOneReviewerReviewsOnce() {
        Map<String, Object> again = new HashMap<>(qualifies(false));
        again.put("caseId", cases[1]);
        putReview(audit, hospital, UUID.randomUUID().toString(), again).statusCode(409).body("field", equalTo("caseId"));
        String otherHospital = Api.reviewerOn(audit, "HOSPITAL");
        putReview(audit, otherHospital, UUID.randomUUID().toString(), again).statusCode(409);
        putReview(audit, community, UUID.randomUUID().toString(), again).statusCode(201);
        again.put("caseId", cases[2]);
        putReview(audit, commissioner, UUID.randomUUID().toString(), again).statusCode(409);
    }

    @Test
    void caseListsMarkTheSampleForDualReview() {
        List<Map<String, Object>> rows = as(hospital).get("/api/audits/" + audit + "/cases").then().statusCode(200)
                .extract().jsonPath().getList("$");
        for (Map<String, Object> row : rows) {
            long id = Long.parseLong((String) row.get("id"));
            assertEquals(DualReview.isSelected(id, new java.math.BigDecimal("0.2")), row.get("dualReview"));
        }
        long sampled = java.util.stream.LongStream.range(1, 10001)
                .filter(id -> DualReview.isSelected(id, new java.math.BigDecimal("0.2"))).count();
        assertEquals(0.2, sampled / 10000.0, 0.02);
    }
}
