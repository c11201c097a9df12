package org.bestplace;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Small helpers for API tests: users, audits and cases each test makes for itself. */
public final class Api {

    public static final String PASSWORD = "reviewer-password-1";
    public static final String SET_ID = "acute-adult-day-of-care";
    public static final String SET_VERSION = "1.0";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Api() {
    }

    /** The password of a user these helpers made, or of the test service's administrator. */
    public static String password(String username) {
        return "admin".equals(username) ? TestDatabase.ADMIN_PASSWORD : PASSWORD;
    }

    public static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, password(username)).contentType(ContentType.JSON);
    }

    /** The criteria set every test audit uses, as the API gives it. */
    public static JsonPath criteriaSet() {
        return asAdmin().get("/api/criteria-sets/" + SET_ID + "/" + SET_VERSION).then().statusCode(200).extract()
                .jsonPath();
    }

    /** The code of the first criterion of that set: meeting it makes a patient qualify. */
    public static String firstCriterion() {
        return criteriaSet().getString("groups[0].criteria[0].code");
    }

    /** Posts a criteria file as YAML. */
    public static ValidatableResponse uploadYaml(String username, String yaml) {
        return as(username).contentType("application/yaml")
                .body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/criteria-sets").then();
    }

    public static RequestSpecification asAdmin() {
        return as("admin");
    }

    /** A new user with a unique name; returns the username. */
    public static String user(String prefix, String sector, String... roles) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin().body(Map.of("username", username, "displayName", "Test " + prefix, "organisation",
                        "Test Trust", "sector", sector, "roles", List.of(roles), "password", PASSWORD))
                .post("/api/users").then().statusCode(201);
        return username;
    }

    /**
     * A submitted review of a case on 3 November 2026: qualifying by {@code criterion}, or not
     * qualifying with the first alternative.
     */
    public static Map<String, Object> submittedReview(String caseId, boolean qualifies, String criterion) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("caseId", caseId);
        body.put("reviewDate", "2026-11-03");
        body.put("submitted", true);
        body.put("criteriaMet", qualifies ? List.of(criterion) : List.of());
        if (!qualifies) {
            body.put("alternative", "P1");
        }
        return body;
    }

    public static Map<String, Object> auditBody(String title) {
        return Map.of("title", title, "question", "How many inpatients could be cared for elsewhere?",
                "site", "Test General Hospital", "wards", List.of("Ward A", "Ward B"),
                "startDate", "2026-11-01", "endDate", "2026-11-30",
                "criteriaSet", Map.of("id", SET_ID, "version", SET_VERSION), "dualReviewRate", 0.2);
    }

    /**
     * A new audit in COLLECTING status, staffed with the chair and the reviewers of two sectors
     * that collection needs (see {@link #startCollecting}); returns its id.
     */
    public static String collectingAudit() {
        String id = asAdmin().body(auditBody("Audit " + SEQUENCE.incrementAndGet())).post("/api/audits")
                .then().statusCode(201).extract().path("id");
        startCollecting(id);
        return id;
    }

    /**
     * Moves a planned audit to COLLECTING. An audit starts collecting only with a chair and
     * reviewers from two sectors: where its team lacks them, a chair and hospital and community
     * reviewers of their own (who review nothing) join first, so a test's figures stay its own.
     */
    public static void startCollecting(String auditId) {
        List<Map<String, Object>> team = asAdmin().get("/api/audits/" + auditId + "/members").then().statusCode(200)
                .extract().jsonPath().getList("$");
        boolean chair = team.stream().anyMatch(m -> "CHAIR".equals(m.get("role")));
        java.util.Set<Object> sectors = new java.util.HashSet<>();
        team.stream().filter(m -> "REVIEWER".equals(m.get("role"))).forEach(m -> sectors.add(m.get("sector")));
        if (!chair) {
            member(auditId, user("quorum-chair", "HOSPITAL", "CHAIR"), "CHAIR", "HOSPITAL");
        }
        for (String sector : List.of("HOSPITAL", "COMMUNITY")) {
            if (sectors.size() < 2 && sectors.add(sector)) {
                member(auditId, user("quorum-reviewer", sector, "REVIEWER"), "REVIEWER", sector);
            }
        }
        asAdmin().body(Map.of("status", "COLLECTING")).post("/api/audits/" + auditId + "/status").then()
                .statusCode(200);
    }

    public static void member(String auditId, String username, String role, String sector) {
        asAdmin().body(Map.of("username", username, "role", role, "sector", sector))
                .post("/api/audits/" + auditId + "/members").then().statusCode(201);
    }

    /** A reviewer on the audit; returns the username. */
    public static String reviewerOn(String auditId, String sector) {
        String username = user("reviewer", sector, "REVIEWER");
        member(auditId, username, "REVIEWER", sector);
        return username;
    }

    public static String registerCase(String auditId, String reviewer) {
        return as(reviewer).body(Map.of("ward", "Ward A", "specialty", "General medicine", "ageBand", "75-84",
                        "sex", "FEMALE", "admissionDate", "2026-11-02"))
                .post("/api/audits/" + auditId + "/cases").then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse putReview(String auditId, String reviewer, String reviewId, Object body) {
        return as(reviewer).body(body).put("/api/audits/" + auditId + "/reviews/" + reviewId).then();
    }

    /** The id of the demo audit the test service made at start. */
    public static String demoAudit() {
        List<Map<String, Object>> audits = asAdmin().get("/api/audits").then().statusCode(200).extract().jsonPath()
                .getList("$");
        return audits.stream().filter(a -> org.bestplace.demo.DemoData.AUDIT_TITLE.equals(a.get("title")))
                .map(a -> (String) a.get("id")).findFirst().orElseThrow();
    }

    public static LocalDate day(int dayOfNovember) {
        return LocalDate.of(2026, 11, dayOfNovember);
    }
}
