package org.bestplace.review;

import static org.bestplace.Api.as;
import static org.bestplace.Api.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Db;
import org.bestplace.audit.Audit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A wrongly registered case put right through the API: corrected or withdrawn by its registrar or
 * the lead, with a reason kept in its history, never deleted; every figure follows. Each refusal
 * has one thing wrong in its request and changes nothing.
 */
@QuarkusTest
class CaseCorrectionTest {

    static final String DAY = "2026-11-03";

    @Inject
    AgroalDataSource dataSource;

    String audit;
    String hospital;
    String community;
    String otherHospital;
    String lead;
    String chair;
    String criterion;
    List<String> reasons;

    @BeforeEach
    void setUp() {
        Map<String, Object> body = new HashMap<>(Api.auditBody("Corrections " + UUID.randomUUID()));
        body.put("dualReviewRate", 1.0);
        audit = asAdmin().body(body).post("/api/audits").then().statusCode(201).extract().path("id");
        Api.startCollecting(audit);
        hospital = Api.reviewerOn(audit, "HOSPITAL");
        community = Api.reviewerOn(audit, "COMMUNITY");
        otherHospital = Api.reviewerOn(audit, "HOSPITAL");
        lead = Api.user("lead", "COMMUNITY", "REVIEWER");
        Api.member(audit, lead, "LEAD", "COMMUNITY");
        chair = Api.user("chair", "HOSPITAL", "CHAIR");
        Api.member(audit, chair, "CHAIR", "HOSPITAL");
        criterion = Api.firstCriterion();
        reasons = Api.criteriaSet().getList("reasons.code");
    }

    String register() {
        return Api.registerCase(audit, hospital);
    }

    void review(String reviewer, String caseId, boolean qualifies, String alternative, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("reviewDate", DAY);
        body.put("submitted", true);
        body.put("criteriaMet", qualifies ? List.of(criterion) : List.of());
        if (!qualifies) {
            body.put("alternative", alternative);
            body.put("reasons", List.of(reason));
        }
        Api.putReview(audit, reviewer, UUID.randomUUID().toString(), body).statusCode(201);
    }

    Response correct(String as, String caseId, Map<String, Object> body) {
        return as(as).body(body).post("/api/audits/" + audit + "/cases/" + caseId + "/correction");
    }

    Response withdraw(String as, String caseId, Object body) {
        return as(as).body(body).post("/api/audits/" + audit + "/cases/" + caseId + "/withdrawal");
    }

    /** The figures a page or export shows, in one line each, read through the API. */
    Map<String, Object> figures() {
        JsonPath s = asAdmin().get("/api/audits/" + audit + "/summary?date=" + DAY).then().statusCode(200).extract()
                .jsonPath();
        JsonPath a = asAdmin().get("/api/audits/" + audit + "/agreement?date=" + DAY).then().statusCode(200)
                .extract().jsonPath();
        JsonPath export = asAdmin().get("/api/audits/" + audit + "/export?format=json&mode=internal").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> f = new TreeMap<>();
        f.put("reviewed", s.getInt("reviewed"));
        f.put("notQualifying", s.getInt("notQualifying"));
        f.put("reviews", s.getInt("reviews"));
        f.put("unresolved", s.getInt("asAgreed.unresolved"));
        f.put("alternatives", counts(s, "alternatives"));
        f.put("reasons", counts(s, "reasons").size());
        f.put("byWard", rows(s, "byWard"));
        f.put("byAgeBand", rows(s, "byAgeBand"));
        f.put("byStayBand", rows(s, "byStayBand"));
        f.put("pairs", a.getInt("pairs"));
        f.put("caseRows", export.getList("tables.cases").size());
        return f;
    }

    static Map<String, Integer> counts(JsonPath s, String list) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Map<String, Object> row : s.<Map<String, Object>>getList(list)) {
            counts.put((String) row.get("code"), ((Number) row.get("count")).intValue());
        }
        return counts;
    }

    static List<String> rows(JsonPath s, String list) {
        return s.<Map<String, Object>>getList(list).stream()
                .filter(r -> ((Number) r.get("reviewed")).intValue() > 0)
                .map(r -> r.get("key") + ":" + r.get("reviewed") + ":" + r.get("notQualifying")).toList();
    }

    static Map<String, Object> expected(int reviewed, int notQualifying, int reviews, int unresolved,
            Map<String, Integer> alternatives, int reasons, List<String> byWard, List<String> byAgeBand,
            List<String> byStayBand, int pairs, int caseRows) {
        Map<String, Object> f = new TreeMap<>();
        f.put("reviewed", reviewed);
        f.put("notQualifying", notQualifying);
        f.put("reviews", reviews);
        f.put("unresolved", unresolved);
        f.put("alternatives", alternatives);
        f.put("reasons", reasons);
        f.put("byWard", byWard);
        f.put("byAgeBand", byAgeBand);
        f.put("byStayBand", byStayBand);
        f.put("pairs", pairs);
        f.put("caseRows", caseRows);
        return f;
    }

    /**
     * Three patients reviewed on 3 November, all registered on Ward A, 75-84, admitted the day
     * before: case 1 reviewed twice (hospital: qualifies; community: does not, P1), case 2 once (does
     * not qualify, P2), case 3 once (qualifies). Withdrawing case 1 takes away a patient-day, a
     * review, the pair and the unresolved day; withdrawing case 2 takes away the one not qualifying
     * with its place and reason; correcting case 3 moves it to Ward B, 85+, and a 14-day stay.
     */
    @Test
    void withdrawalAndCorrectionKeepEveryFigureRight() throws SQLException {
        String one = register();
        String two = register();
        String three = register();
        review(hospital, one, true, null, null);
        review(community, one, false, "P1", reasons.get(0));
        review(hospital, two, false, "P2", reasons.get(1));
        review(hospital, three, true, null, null);
        assertEquals(expected(3, 1, 4, 1, Map.of("P2", 1), 1, List.of("Ward A:3:1"), List.of("75-84:3:1"),
                List.of("0-6:3:1"), 1, 4), figures(), "before");

        withdraw(hospital, one, Map.of("reason", "Registered twice: the same patient as another case"))
                .then().statusCode(200).body("withdrawn", equalTo(true));
        assertEquals(expected(2, 1, 2, 0, Map.of("P2", 1), 1, List.of("Ward A:2:1"), List.of("75-84:2:1"),
                List.of("0-6:2:1"), 0, 2), figures(), "after case 1 is withdrawn");

        withdraw(lead, two, Map.of("reason", "Not an inpatient on the audit's wards")).then().statusCode(200);
        assertEquals(expected(1, 0, 1, 0, Map.of(), 0, List.of("Ward A:1:0"), List.of("75-84:1:0"),
                List.of("0-6:1:0"), 0, 1), figures(), "after case 2 is withdrawn");

        correct(hospital, three, Map.of("ward", "Ward B", "ageBand", "85+", "admissionDate", "2026-10-20",
                "reason", "Typed from the wrong handover sheet")).then().statusCode(200)
                .body("ward", equalTo("Ward B")).body("ageBand", equalTo("85+"))
                .body("admissionDate", equalTo("2026-10-20"));
        assertEquals(expected(1, 0, 1, 0, Map.of(), 0, List.of("Ward B:1:0"), List.of("85+:1:0"),
                List.of("14-20:1:0"), 0, 1), figures(), "after case 3 is corrected");

        // Never deleted: the cases and their reviews stay, marked, with who, when, why, before and after.
        assertEquals(3, Db.number(dataSource, "select count(*) from patient_case where audit_id = ?", audit));
        assertEquals(4, Db.number(dataSource, "select count(*) from review where audit_id = ?", audit));
        as(chair).get("/api/audits/" + audit + "/cases/" + one + "/history").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].kind", equalTo("WITHDRAWAL"))
                .body("[0].changedBy", equalTo(hospital))
                .body("[0].reason", equalTo("Registered twice: the same patient as another case"))
                .body("[0].before", containsString("\"withdrawn\":false"))
                .body("[0].after", containsString("\"withdrawn\":true"));
        as(hospital).get("/api/audits/" + audit + "/cases/" + three + "/history").then().statusCode(200)
                .body("[0].kind", equalTo("CORRECTION")).body("[0].before", containsString("\"ageBand\":\"75-84\""))
                .body("[0].after", containsString("\"ageBand\":\"85+\""))
                .body("[0].after", containsString("\"ward\":\"Ward B\""))
                .body("[0].changedAt", not(equalTo(null)));
        // A withdrawn case is on no list, and takes no review.
        as(hospital).get("/api/audits/" + audit + "/cases").then().statusCode(200)
                .body("id", equalTo(List.of(three)));
        Api.putReview(audit, otherHospital, UUID.randomUUID().toString(), Map.of("caseId", one, "reviewDate",
                "2026-11-04", "criteriaMet", List.of(criterion), "submitted", true)).statusCode(409)
                .body("field", equalTo("caseId")).body("detail", containsString("withdrawn"));
        assertEquals(1, Db.activity(dataSource, "CASE_CORRECTED", hospital));
        assertEquals(1, Db.activity(dataSource, "CASE_WITHDRAWN", lead));
    }

    String caseRow(String caseId) throws SQLException {
        return String.valueOf(Db.value(dataSource, "select concat_ws('|', ward, specialty, coalesce(specialty_note,"
                + " '-'), age_band, sex, admission_date, coalesce(withdrawn_at, '-')) from patient_case where id = ?",
                Long.valueOf(caseId)));
    }

    long histories() throws SQLException {
        return Db.number(dataSource, "select count(*) from case_history h join patient_case c on c.id = h.case_id"
                + " where c.audit_id = ?", audit);
    }

    void refused(int status, String field, Response response) {
        response.then().statusCode(status).contentType(containsString("application/problem+json"));
        if (field != null) {
            response.then().body("field", equalTo(field));
        }
    }

    static Map<String, Object> with(Map<String, Object> body, Object... pairs) {
        Map<String, Object> changed = new HashMap<>(body);
        for (int i = 0; i < pairs.length; i += 2) {
            changed.put((String) pairs[i], pairs[i + 1]);
        }
        return changed;
    }

    @Test
    void eachBadCorrectionOrWithdrawalIsRefusedAndChangesNothing() throws SQLException {
        String caseId = register();
        review(hospital, caseId, true, null, null);
        String before = caseRow(caseId);
        long histories = histories();
        Map<String, Object> good = Map.of("ageBand", "85+", "reason", "Age band was mistyped");

        refused(400, "reason", correct(hospital, caseId, Map.of("ageBand", "85+")));
        refused(400, "reason", correct(hospital, caseId, with(good, "reason", "   ")));
        refused(400, "reason", correct(hospital, caseId, with(good, "reason", "r".repeat(2001))));
        refused(400, "reason", correct(hospital, caseId, with(good, "reason", "Mrs Okafor's daughter says 85")));
        refused(400, "ward", correct(hospital, caseId, with(good, "ward", "Ward Z")));
        refused(400, "specialty", correct(hospital, caseId, with(good, "specialty", "Dermatology")));
        refused(400, "specialtyNote", correct(hospital, caseId, with(good, "specialty", "Other")));
        refused(400, "specialtyNote", correct(hospital, caseId, with(good, "specialty", "Other", "specialtyNote",
                "Dr Smith's firm")));
        refused(400, "ageBand", correct(hospital, caseId, with(good, "ageBand", "90+")));
        refused(400, "sex", correct(hospital, caseId, with(good, "sex", "female")));
        refused(400, "admissionDate", correct(hospital, caseId, with(good, "admissionDate", "2026-13-01")));
        // reviewed on 3 November, so it cannot have been admitted after that
        refused(400, "admissionDate", correct(hospital, caseId, with(good, "admissionDate", "2026-11-04")));
        // more than a year before today, and not confirmed
        refused(400, "admissionDate", correct(hospital, caseId, with(good, "admissionDate", "2024-06-01")));
        refused(400, null, correct(hospital, caseId, with(good, "ageBand", "75-84")));
        refused(400, "caseId", correct(hospital, "not-a-case", good));
        refused(404, null, correct(hospital, "999999999", good));
        refused(403, null, correct(otherHospital, caseId, good));
        refused(403, null, correct(chair, caseId, good));
        as(hospital).contentType("application/json").body("{\"ageBand\": ").post("/api/audits/" + audit + "/cases/"
                + caseId + "/correction").then().statusCode(400).contentType(containsString("application/problem+json"));
        refused(400, "reason", withdraw(hospital, caseId, Map.of()));
        refused(400, "reason", withdraw(hospital, caseId, Map.of("reason", "NHS 943 476 5919 twice")));
        refused(400, "reason", withdraw(hospital, caseId, Map.of("reason", "born 12/03/1941, registered twice")));
        refused(403, null, withdraw(otherHospital, caseId, Map.of("reason", "Registered twice")));
        refused(403, null, withdraw(community, caseId, Map.of("reason", "Registered twice")));
        assertEquals(before, caseRow(caseId), "the case is unchanged");
        assertEquals(histories, histories(), "no history kept");

        // The same admission, confirmed, is taken; the administrator may correct any case.
        correct(hospital, caseId, with(good, "admissionDate", "2025-06-01", "admissionConfirmed", true)).then()
                .statusCode(200).body("admissionDate", equalTo("2025-06-01"));
        correct(lead, caseId, with(good, "specialty", "other", "specialtyNote", "Tropical medicine")).then()
                .statusCode(200).body("specialty", equalTo("Other")).body("specialtyNote", equalTo("Tropical medicine"));
        asAdmin().body(Map.of("sex", "MALE", "reason", "Sex was mistyped"))
                .post("/api/audits/" + audit + "/cases/" + caseId + "/correction").then().statusCode(200);
        withdraw(hospital, caseId, Map.of("reason", "Registered by mistake")).then().statusCode(200);
        String withdrawn = caseRow(caseId);
        refused(409, "caseId", withdraw(lead, caseId, Map.of("reason", "Again")));
        refused(409, "caseId", correct(hospital, caseId, good));
        assertEquals(withdrawn, caseRow(caseId));
        assertEquals(histories + 4, histories());
    }

    @Test
    void aNoteThatLooksIdentifyingIsRefusedAndNothingIsStored() throws SQLException {
        String caseId = register();
        Map<String, Object> review = new HashMap<>(Map.of("caseId", caseId, "reviewDate", DAY, "criteriaMet",
                List.of(criterion), "submitted", true));
        long reviews = Db.number(dataSource, "select count(*) from review where audit_id = ?", audit);
        String id = UUID.randomUUID().toString();
        for (String note : List.of("Spoke to Mr Hughes about going home", "NHS no 9434765919",
                "DOB 3 March 1941")) {
            refused(400, "note", as(hospital).body(with(review, "note", note)).put("/api/audits/" + audit
                    + "/reviews/" + id));
        }
        refused(400, "override.reason", as(hospital).body(with(review, "override", Map.of("outcome",
                "DOES_NOT_QUALIFY", "reason", "Miss Adeyemi is well enough"), "alternative", "P1"))
                .put("/api/audits/" + audit + "/reviews/" + id));
        assertEquals(reviews, Db.number(dataSource, "select count(*) from review where audit_id = ?", audit));

        Api.putReview(audit, hospital, id, with(review, "note", "Awaiting OT; BP 120/80")).statusCode(201);
        refused(400, "changeReason", as(hospital).body(with(review, "note", "Awaiting OT and PT",
                "changeReason", "Mrs Jones rang")).put("/api/audits/" + audit + "/reviews/" + id));
        assertEquals("Awaiting OT; BP 120/80", Db.value(dataSource, "select note from review where id = ?", id));
        // The refusal says what looked identifying, and never quotes it.
        as(hospital).body(with(review, "note", "Spoke to Mr Hughes")).put("/api/audits/" + audit + "/reviews/"
                + UUID.randomUUID()).then().statusCode(400)
                .body("detail", containsString("a title followed by a name")).body(not(containsString("Hughes")));
    }

    @Test
    void anAuditOffersItsOwnSpecialtiesOrTheDefaultList() {
        as(hospital).get("/api/audits/" + audit).then().statusCode(200)
                .body("specialties", equalTo(Audit.DEFAULT_SPECIALTIES));
        Map<String, Object> body = new HashMap<>(Api.auditBody("Own specialties"));
        List<List<String>> bads = List.of(List.of("Cardiology", "Other"), List.of("Cardiology", "cardiology"),
                List.of("Cardiology", " "), List.of(), List.of("c".repeat(101)));
        for (List<String> bad : bads) {
            body.put("specialties", bad);
            asAdmin().body(body).post("/api/audits").then().statusCode(400)
                    .contentType(containsString("application/problem+json")).body("field", equalTo("specialties"));
        }
        body.put("specialties", List.of(" Cardiology ", "Respiratory"));
        String own = asAdmin().body(body).post("/api/audits").then().statusCode(201)
                .body("specialties", equalTo(List.of("Cardiology", "Respiratory"))).extract().path("id");
        assertTrue(own != null);
    }
}
