package org.bestplace.web;

import static io.restassured.RestAssured.given;
import static org.bestplace.Api.as;
import static org.bestplace.Api.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bestplace.Api;
import org.bestplace.Db;
import org.bestplace.Pages;
import org.bestplace.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Sends the JSON API a corpus of hostile and malformed input: each must be refused with a 4xx
 * problem that names no class and carries no stack trace, must leave every table as it was, and
 * must leave the service healthy. Free text that is legal is stored exactly and shown escaped.
 * Each hostile value is the only thing wrong in its request, so a refusal is for that value
 * alone. Every test checks how many inputs it had refused and accepted; the last one checks the
 * service's health and the totals once the rest of the corpus has been sent.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusTest {

    static final List<String> INJECTIONS = List.of("' OR '1'='1", "1; DROP TABLE review; --", "\" OR 1=1 --");
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMAGE = "\"><img src=x onerror=alert(1)>";
    static final List<String> TABLES = List.of("patient_case", "review", "review_criterion", "review_reason",
            "review_history", "audit", "audit_ward", "audit_member", "audit_status_change", "app_user", "debrief",
            "decision");
    /** What a leaked stack trace or exception message would show. */
    static final List<String> LEAKS = List.of("Exception", "\tat ", "Caused by", "org.bestplace", "java.", "jakarta.",
            "com.fasterxml", "io.quarkus", "io.vertx", "org.hibernate", "org.mariadb", "SQLState", "SQL syntax");

    static int refused;
    static int accepted;
    /** What the whole corpus sends: the sum of what each test expects of itself. */
    static final int CORPUS_REFUSED = 219;
    static final int CORPUS_ACCEPTED = 56;

    @Inject
    AgroalDataSource dataSource;

    String audit;
    String reviewer;
    String caseId;
    String criterion;
    String alternative;
    String reason;

    @BeforeEach
    void setUp() {
        // The audit's own specialties are the corpus's free text, so a specialty can carry it as a legal value.
        Map<String, Object> body = new HashMap<>(Api.auditBody("Bad input corpus"));
        List<String> specialties = new ArrayList<>(List.of("General medicine"));
        specialties.addAll(INJECTIONS);
        specialties.addAll(List.of(SCRIPT, IMAGE));
        body.put("specialties", specialties);
        audit = Api.asAdmin().body(body).post("/api/audits").then().statusCode(201).extract().path("id");
        Api.startCollecting(audit);
        reviewer = Api.reviewerOn(audit, "COMMUNITY");
        caseId = Api.registerCase(audit, reviewer);
        var set = Api.criteriaSet();
        criterion = set.getString("groups[0].criteria[0].code");
        alternative = set.getString("alternatives[1].code");
        reason = set.getString("reasons[0].code");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theServiceIsStillUpAfterTheCorpus() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        assertEquals(CORPUS_REFUSED, refused, "refused over the whole corpus (run it with the rest of its class)");
        assertEquals(CORPUS_ACCEPTED, accepted, "accepted over the whole corpus");
        System.out.printf("bad-input corpus: %d inputs tried, %d refused with 4xx and nothing stored, %d accepted as"
                + " legal values (free text stored and returned byte-for-byte, a ward filter matching nothing)%n",
                refused + accepted, refused, accepted);
    }

    Map<String, Object> newCase() {
        Map<String, Object> body = new HashMap<>();
        body.put("ward", "Ward A");
        body.put("specialty", "General medicine");
        body.put("ageBand", "75-84");
        body.put("sex", "FEMALE");
        body.put("admissionDate", "2026-11-02");
        return body;
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
        body.put("reasons", List.of(reason));
        body.put("submitted", true);
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, Object... keysAndValues) {
        Map<String, Object> copy = new HashMap<>(body);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            copy.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return copy;
    }

    /** The corpus's counts when a test starts, to check what that test alone added to them. */
    record Tally(int refusedBefore, int acceptedBefore) {
        void expect(int refusedHere, int acceptedHere) {
            assertEquals(refusedHere, refused - refusedBefore, "hostile inputs refused in this test");
            assertEquals(acceptedHere, accepted - acceptedBefore, "inputs accepted as legal values in this test");
        }
    }

    static Tally tally() {
        return new Tally(refused, accepted);
    }

    void assertRowsAdded(Map<String, Long> before, String table, long added) throws SQLException {
        Map<String, Long> expected = new LinkedHashMap<>(before);
        expected.merge(table, added, Long::sum);
        assertEquals(expected, rows());
    }

    /** Every table is still there: no text sent was run as SQL. */
    void assertTablesIntact() throws SQLException {
        for (String table : TABLES) {
            assertEquals(1, Db.number(dataSource, "select count(*) from information_schema.tables where table_name = ?"
                    + " and table_schema = database()", table), table);
        }
    }

    Map<String, Long> rows() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, Db.number(dataSource, "select count(*) from " + table));
        }
        return counts;
    }

    /** Checks a refusal: the status wanted, problem+json with a title and detail, nothing leaked. */
    static Response refusedWith(int status, Response response) {
        assertProblem(status, response.statusCode(), response.contentType(), response.asString());
        return response;
    }

    static void refusedWith(int status, HttpResponse<String> response) {
        assertProblem(status, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    static void assertProblem(int wanted, int status, String contentType, String body) {
        refused++;
        assertEquals(wanted, status, body);
        assertTrue(contentType.startsWith(Problem.MEDIA_TYPE), "content type " + contentType + ": " + body);
        JsonPath problem = JsonPath.from(body);
        assertEquals(wanted, problem.getInt("status"), body);
        assertFalse(problem.getString("title").isBlank(), body);
        assertFalse(problem.getString("detail").isBlank(), body);
        for (String leak : LEAKS) {
            assertFalse(body.contains(leak), "'" + leak + "' in " + body);
        }
    }

    /**
     * Sends the bytes exactly as given, under the content type given: the test client would
     * otherwise add a charset or try to read an XML or deeply nested body itself.
     */
    static HttpResponse<String> raw(String method, String path, String username, String contentType, byte[] body) {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + Api.password(username))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Basic " + credentials).header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Response refusedNaming(String field, Response response) {
        refusedWith(400, response);
        assertEquals(field, response.jsonPath().getString("field"), response.asString());
        return response;
    }

    Response putReview(Object body) {
        return as(reviewer).body(body).put("/api/audits/" + audit + "/reviews/" + UUID.randomUUID());
    }

    Response registerCase(Object body) {
        return as(reviewer).body(body).post("/api/audits/" + audit + "/cases");
    }

    @Test
    void injectionInCaseRegistrationIsRefusedByTheFieldsRuleOrKeptAsText() throws SQLException {
        Tally tally = tally();
        Map<String, Long> before = rows();
        for (String injection : INJECTIONS) {
            // A ward the audit lacks, and an age band, sex and date that are not one.
            for (String field : List.of("ward", "ageBand", "sex", "admissionDate")) {
                refusedNaming(field, registerCase(with(newCase(), field, injection)));
            }
        }
        assertEquals(before, rows());
        for (String injection : INJECTIONS) {
            accepted++;
            String id = registerCase(with(newCase(), "specialty", injection)).then().statusCode(201)
                    .body("specialty", equalTo(injection)).extract().path("id");
            assertEquals(injection, Db.value(dataSource, "select specialty from patient_case where id = ?", id));
            // A local identifier is only hashed: never returned, and the same text is the same patient again.
            accepted++;
            registerCase(with(newCase(), "localId", injection)).then().statusCode(201)
                    .body("hasLocalId", equalTo(true)).body(not(containsString(injection)));
            registerCase(with(newCase(), "localId", injection)).then().statusCode(409).body("field", equalTo("localId"));
        }
        assertRowsAdded(before, "patient_case", 6);
        tally.expect(12, 6);
    }

    @Test
    void injectionInReviewFieldsIsRefusedByTheFieldsRuleOrKeptAsText() throws SQLException {
        Tally tally = tally();
        Map<String, Long> before = rows();
        for (String injection : INJECTIONS) {
            refusedNaming("caseId", putReview(with(qualifying(), "caseId", injection)));
            refusedNaming("reviewDate", putReview(with(qualifying(), "reviewDate", injection)));
            refusedNaming("criteriaMet", putReview(with(qualifying(), "criteriaMet", List.of(criterion, injection))));
            refusedNaming("alternative", putReview(with(notQualifying(), "alternative", injection)));
            refusedNaming("reasons", putReview(with(notQualifying(), "reasons", List.of(injection))));
            refusedNaming("submitted", putReview(with(qualifying(), "submitted", injection)));
            refusedNaming("override.outcome", putReview(with(qualifying(), "override",
                    Map.of("outcome", injection, "reason", "Seen on the ward"))));
            refusedWith(400, as(reviewer).body(injection).put("/api/audits/" + audit + "/reviews/"
                    + UUID.randomUUID()));
        }
        assertEquals(before, rows());
        for (String injection : INJECTIONS) {
            accepted++;
            String noted = newReview(with(qualifying(), "note", injection));
            as(reviewer).get("/api/audits/" + audit + "/reviews/" + noted).then().body("note", equalTo(injection));
            assertEquals(injection, Db.value(dataSource, "select note from review where id = ?", noted));

            accepted++;
            String overridden = newReview(with(notQualifying(), "criteriaMet", List.of(criterion), "override",
                    Map.of("outcome", "DOES_NOT_QUALIFY", "reason", injection)));
            as(reviewer).get("/api/audits/" + audit + "/reviews/" + overridden).then()
                    .body("override.reason", equalTo(injection));
            assertEquals(injection, Db.value(dataSource, "select override_reason from review where id = ?",
                    overridden));

            accepted++;
            String changed = newReview(qualifying());
            String changedCase = as(reviewer).get("/api/audits/" + audit + "/reviews/" + changed).then()
                    .extract().path("caseId");
            Api.putReview(audit, reviewer, changed, with(qualifying(), "caseId", changedCase, "note", "Seen again",
                    "changeReason", injection)).statusCode(200);
            as(reviewer).get("/api/audits/" + audit + "/reviews/" + changed + "/history").then().statusCode(200)
                    .body("[0].changeReason", equalTo(injection));
            assertEquals(injection, Db.value(dataSource, "select change_reason from review_history where review_id = ?",
                    changed));
        }
        assertEquals(9, Db.number(dataSource, "select count(*) from review where audit_id = ?", audit));
        assertTablesIntact();
        tally.expect(24, 9);
    }

    /** A submitted review of a new case of its own; returns the review's id. */
    String newReview(Map<String, Object> body) {
        String id = UUID.randomUUID().toString();
        Api.putReview(audit, reviewer, id, with(body, "caseId", Api.registerCase(audit, reviewer))).statusCode(201);
        return id;
    }

    Map<String, Object> newUser(String username) {
        return Map.of("username", username, "displayName", "Corpus", "organisation", "Test Trust", "sector",
                "HOSPITAL", "roles", List.of("REVIEWER"), "password", Api.PASSWORD);
    }

    @Test
    void injectionInAuditUserAndTeamFieldsIsRefusedByTheFieldsRuleOrKeptAsText() throws SQLException {
        Tally tally = tally();
        Map<String, Long> before = rows();
        Map<String, Object> newAudit = Api.auditBody("Corpus audit");
        Map<String, Object> user = newUser("corpus-user");
        for (String injection : INJECTIONS) {
            refusedNaming("criteriaSet", asAdmin().body(with(newAudit, "criteriaSet",
                    Map.of("id", injection, "version", Api.SET_VERSION))).post("/api/audits"));
            refusedNaming("criteriaSet", asAdmin().body(with(newAudit, "criteriaSet",
                    Map.of("id", Api.SET_ID, "version", injection))).post("/api/audits"));
            refusedNaming("startDate", asAdmin().body(with(newAudit, "startDate", injection)).post("/api/audits"));
            refusedNaming("username", asAdmin().body(with(user, "username", injection)).post("/api/users"));
            refusedNaming("sector", asAdmin().body(with(user, "sector", injection)).post("/api/users"));
            refusedWith(400, asAdmin().body(with(user, "roles", List.of(injection))).post("/api/users")).then()
                    .body("field", startsWith("roles"));
            refusedNaming("username", asAdmin().body(Map.of("username", injection, "role", "REVIEWER"))
                    .post("/api/audits/" + audit + "/members"));
            refusedNaming("role", asAdmin().body(Map.of("username", reviewer, "role", injection))
                    .post("/api/audits/" + audit + "/members"));
            refusedNaming("status", asAdmin().body(Map.of("status", injection)).post("/api/audits/" + audit
                    + "/status"));
        }
        assertEquals(before, rows());
        for (String injection : INJECTIONS) {
            for (String field : List.of("title", "question", "site")) {
                accepted++;
                String id = asAdmin().body(with(newAudit, field, injection)).post("/api/audits").then()
                        .statusCode(201).body(field, equalTo(injection)).extract().path("id");
                asAdmin().get("/api/audits/" + id).then().statusCode(200).body(field, equalTo(injection));
                assertEquals(injection, Db.value(dataSource, "select " + field + " from audit where id = ?", id));
            }
            accepted++;
            String warded = asAdmin().body(with(newAudit, "wards", List.of("Ward A", injection))).post("/api/audits")
                    .then().statusCode(201).body("wards", hasItem(injection)).extract().path("id");
            assertEquals(injection, Db.value(dataSource, "select ward from audit_ward where audit_id = ?"
                    + " and ward <> 'Ward A'", warded));
            for (var field : Map.of("displayName", "display_name", "organisation", "organisation").entrySet()) {
                accepted++;
                String username = "corpus-" + UUID.randomUUID().toString().substring(0, 8);
                asAdmin().body(with(newUser(username), field.getKey(), injection)).post("/api/users").then()
                        .statusCode(201).body(field.getKey(), equalTo(injection));
                assertEquals(injection, Db.value(dataSource, "select " + field.getValue() + " from app_user"
                        + " where username = ?", username));
            }
            // The reason a closed audit is reopened for.
            accepted++;
            String reopened = Api.collectingAudit();
            asAdmin().body(Map.of("status", "CLOSED")).post("/api/audits/" + reopened + "/status").then()
                    .statusCode(200);
            asAdmin().body(Map.of("status", "COLLECTING", "reason", injection)).post("/api/audits/" + reopened
                    + "/status").then().statusCode(200).body("status", equalTo("COLLECTING"));
            assertEquals(injection, Db.value(dataSource, "select reason from audit_status_change where audit_id = ?"
                    + " and from_status = 'CLOSED'", reopened));
        }
        assertTablesIntact();
        tally.expect(27, 21);
    }

    @Test
    void injectionInPathAndQueryParametersIsRefused() throws SQLException {
        Tally tally = tally();
        Map<String, Long> before = rows();
        String review = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>(INJECTIONS);
        ids.addAll(List.of("-1", "0", "99999999999999999999", "1e308"));
        for (String id : ids) {
            refusedStatus(asAdmin().get("/api/audits/{id}", id));
            refusedStatus(asAdmin().get("/api/audits/{id}/cases", id));
            refusedStatus(asAdmin().get("/api/audits/{id}/summary", id));
            refusedStatus(asAdmin().get("/api/audits/{id}/debriefs/2026-11-03", id));
            refusedStatus(as(reviewer).body(newCase()).post("/api/audits/{id}/cases", id));
            refusedStatus(as(reviewer).body(qualifying()).put("/api/audits/{id}/reviews/{review}", id, review));
            refusedStatus(asAdmin().get("/api/comparisons?a={a}&b={b}", audit, id));
        }
        for (String injection : INJECTIONS) {
            refusedNaming("reviewId", as(reviewer).body(qualifying())
                    .put("/api/audits/{id}/reviews/{review}", audit, injection));
            refusedNaming("reviewId", as(reviewer).get("/api/audits/{id}/reviews/{review}", audit, injection));
            refusedStatus(asAdmin().queryParam("date", injection).get("/api/audits/{id}/cases", audit));
            refusedStatus(asAdmin().queryParam("date", injection).get("/api/audits/{id}/summary", audit));
            refusedStatus(asAdmin().queryParam("date", injection).get("/api/audits/{id}/agreement", audit));
            refusedStatus(asAdmin().get("/api/audits/{id}/debriefs/{date}", audit, injection));
            refusedNaming("format", asAdmin().queryParam("format", injection).get("/api/audits/{id}/export", audit));
            refusedStatus(asAdmin().get("/api/criteria-sets/{id}/{version}", injection, Api.SET_VERSION));
            // A ward filter is a plain value: it matches no ward rather than every case.
            accepted++;
            asAdmin().queryParam("ward", injection).get("/api/audits/{id}/cases", audit).then().statusCode(200)
                    .body("size()", equalTo(0));
        }
        assertEquals(before, rows());
        tally.expect(73, 3);
    }

    @Test
    void hostileAddressesQueryValuesAndNamesAreRefused() throws SQLException {
        Tally tally = tally();
        Map<String, Long> before = rows();
        byte[] none = new byte[0];
        // A path parameter, each in an otherwise good request.
        refusedWith(400, raw("GET", "/api/audits;x", "admin", "application/json", none));
        refusedWith(400, raw("GET", "/api/audits/" + audit + ";jsessionid=x", "admin", "application/json", none));
        refusedWith(400, raw("PUT", "/api/audits/" + audit + "/reviews/" + UUID.randomUUID() + ";x", reviewer,
                "application/json", utf8("{\"caseId\":\"" + caseId + "\",\"reviewDate\":\"2026-11-03\","
                        + "\"criteriaMet\":[\"" + criterion + "\"],\"submitted\":true}")));
        // Query values that are not what they claim to be.
        refusedNaming("date", asAdmin().queryParam("date", "2026-13-01").get("/api/audits/{id}/summary", audit));
        refusedNaming("date", asAdmin().queryParam("date", "2026-02-30").get("/api/audits/{id}/cases", audit));
        refusedNaming("audit", asAdmin().queryParam("audit", "99999999999999999999").get("/api/activity"));
        refusedNaming("limit", asAdmin().queryParam("limit", "1e3").get("/api/activity"));
        // A role the caller lacks.
        refusedWith(403, as(reviewer).get("/api/users"));
        // Criteria files whose one fault is a name longer than its column.
        String id = "corpus-" + UUID.randomUUID().toString().substring(0, 8);
        for (String yaml : List.of(SmallerRefusalsTest.criteriaFile(id, "1", "T".repeat(301), "C1"),
                SmallerRefusalsTest.criteriaFile(id + "x".repeat(100), "1", "Title", "C1"),
                SmallerRefusalsTest.criteriaFile(id, "1".repeat(41), "Title", "C1"),
                SmallerRefusalsTest.criteriaFile(id, "1", "Title", "C".repeat(41)))) {
            refusedWith(400, asAdmin().contentType("application/yaml").body(utf8(yaml)).post("/api/criteria-sets"))
                    .then().body("problems.size()", equalTo(1));
        }
        tally.expect(12, 0);
        assertEquals(before, rows());
    }

    /** Any 4xx, as long as it is a clear problem. */
    static Response refusedStatus(Response response) {
        int status = response.statusCode();
        assertTrue(status >= 400 && status < 500, status + ": " + response.asString());
        return refusedWith(status, response);
    }

    @Test
    void legalFreeTextIsStoredExactlyAndTheTablesStayIntact() throws SQLException {
        Tally tally = tally();
        List<String> texts = new ArrayList<>(INJECTIONS);
        texts.addAll(List.of(SCRIPT, IMAGE));
        for (String text : texts) {
            accepted++;
            String registered = registerCase(with(newCase(), "specialty", text)).then().statusCode(201)
                    .body("specialty", equalTo(text)).extract().path("id");
            as(reviewer).get("/api/audits/" + audit + "/cases").then().statusCode(200)
                    .body("find { it.id == '" + registered + "' }.specialty", equalTo(text));

            accepted++;
            String id = UUID.randomUUID().toString();
            Api.putReview(audit, reviewer, id, with(notQualifying(), "caseId", registered, "note", text,
                    "criteriaMet", List.of(criterion), "override", Map.of("outcome", "DOES_NOT_QUALIFY", "reason", text)))
                    .statusCode(201);
            as(reviewer).get("/api/audits/" + audit + "/reviews/" + id).then().statusCode(200)
                    .body("note", equalTo(text)).body("override.reason", equalTo(text))
                    .body("criteriaMet.size()", equalTo(1));
            accepted++;
            Api.putReview(audit, reviewer, id, with(notQualifying(), "caseId", registered, "note", text,
                    "changeReason", text)).statusCode(200);
            as(reviewer).get("/api/audits/" + audit + "/reviews/" + id + "/history").then().statusCode(200)
                    .body("[0].changeReason", equalTo(text));
            assertEquals(text, Db.value(dataSource, "select note from review where id = ?", id));
        }
        assertTablesIntact();
        assertTrue(Db.number(dataSource, "select count(*) from review") > 0);
        tally.expect(0, 15);
    }

    @Test
    void scriptInANoteOrSpecialtyIsShownEscapedOnThePages() throws SQLException {
        Tally tally = tally();
        String first = registerCase(with(newCase(), "specialty", SCRIPT)).then().statusCode(201).extract().path("id");
        String second = registerCase(newCase()).then().statusCode(201).extract().path("id");
        for (var note : Map.of(first, SCRIPT, second, IMAGE).entrySet()) {
            accepted++;
            Api.putReview(audit, reviewer, UUID.randomUUID().toString(), with(notQualifying(), "caseId",
                    note.getKey(), "note", note.getValue(), "flagged", true)).statusCode(201);
        }
        Pages.Session admin = Pages.signIn("admin", TestDatabase.ADMIN_PASSWORD);
        Api.asAdmin().post("/api/audits/" + audit + "/debriefs/2026-11-03/opening").then().statusCode(200);
        String debrief = admin.page("/audits/" + audit + "/debriefs/2026-11-03");
        assertEscaped(debrief);
        assertTrue(debrief.contains("&lt;img src=x onerror=alert(1)&gt;"), debrief);

        Pages.Session own = Pages.signIn(reviewer, Api.PASSWORD);
        assertEscaped(own.page("/audits/" + audit + "/cases/" + first + "/review?date=2026-11-03"));
        assertEscaped(own.page("/audits/" + audit + "/wards/Ward A"));

        Map<String, Long> before = rows();
        List<String> hostile = new ArrayList<>(INJECTIONS);
        hostile.addAll(List.of(SCRIPT, IMAGE, "9999-99-99"));
        for (String value : hostile) {
            pageRefused(own.request().accept("text/html").queryParam("date", value)
                    .get("/audits/{id}/cases/{case}/review", audit, first));
            pageRefused(own.request().accept("text/html").get("/audits/{id}/wards/{ward}", audit, value));
            pageRefused(admin.request().accept("text/html").get("/audits/{id}/debriefs/{date}", audit, value));
        }
        for (String outside : List.of("0000-01-01", "9999-12-31")) {
            pageRefused(admin.request().accept("text/html").get("/audits/{id}/debriefs/{date}", audit, outside));
        }
        assertEquals(before, rows());
        tally.expect(20, 2);
    }

    /** A page refused with a 4xx error page that repeats nothing hostile unescaped and leaks nothing. */
    static void pageRefused(Response response) {
        refused++;
        String body = response.asString();
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, response.statusCode() + ": " + body);
        assertFalse(body.contains(SCRIPT) || body.contains("<img src=x"), body);
        for (String leak : LEAKS) {
            assertFalse(body.contains(leak), "'" + leak + "' in " + body);
        }
    }

    static void assertEscaped(String html) {
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertFalse(html.contains(SCRIPT), html);
        assertFalse(html.contains("<img src=x"), html);
    }

    @Test
    void oversizedWronglyTypedAndMalformedBodiesAreRefused() throws SQLException {
        Tally tally = tally();
        Map<String, Long> before = rows();
        String url = "/api/audits/" + audit + "/reviews/" + UUID.randomUUID();
        // Good requests but for one field of a megabyte.
        String huge = "x".repeat(1_100_000);
        refusedWith(413, as(reviewer).body(with(qualifying(), "note", huge)).put(url));
        refusedWith(413, registerCase(with(newCase(), "specialty", huge)));

        String json = "{\"caseId\":\"" + caseId + "\",\"reviewDate\":\"2026-11-03\",\"criteriaMet\":[\"" + criterion
                + "\"],\"submitted\":true}";
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            refusedWith(415, raw("PUT", url, reviewer, type, utf8(json)));
            refusedWith(415, raw("POST", "/api/audits/" + audit + "/cases", reviewer, type, utf8(json)));
            refusedWith(415, raw("POST", "/api/audits", "admin", type, utf8(json)));
        }
        refusedWith(415, raw("PUT", url, reviewer, "application/xml",
                utf8("<review><caseId>" + caseId + "</caseId></review>")));

        byte[] badUtf8 = concat("{\"caseId\":\"" + caseId + "\",\"reviewDate\":\"2026-11-03\",\"criteriaMet\":[],"
                + "\"alternative\":\"" + alternative + "\",\"submitted\":true,\"note\":\"",
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}, "\"}");
        refusedWith(400, as(reviewer).body(badUtf8).put(url));
        refusedWith(400, as(reviewer).body(concat("{\"ward\":\"Ward A\",\"specialty\":\"",
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\",\"ageBand\":\"75-84\",\"sex\":\"MALE\","
                        + "\"admissionDate\":\"2026-11-02\"}")).post("/api/audits/" + audit + "/cases"));

        refusedWith(400, as(reviewer).body("").put(url));
        refusedWith(400, as(reviewer).body("null").put(url));
        refusedWith(400, as(reviewer).body("{\"caseId\":").put(url));
        refusedWith(400, as(reviewer).body("[" + json + "]").put(url));
        refusedWith(400, raw("PUT", url, reviewer, "application/json",
                utf8("{\"criteriaMet\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}")));
        assertEquals(before, rows());
        tally.expect(19, 0);
    }

    static byte[] concat(String head, byte[] middle, String tail) {
        byte[] start = utf8(head);
        byte[] end = utf8(tail);
        byte[] all = new byte[start.length + middle.length + end.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(middle, 0, all, start.length, middle.length);
        System.arraycopy(end, 0, all, start.length + middle.length, end.length);
        return all;
    }

    @Test
    void hugeListsNumbersAndDatesAreRefused() throws SQLException {
        Tally tally = tally();
        Map<String, Long> before = rows();
        List<String> codes = Collections.nCopies(10_000, criterion);
        refusedNaming("criteriaMet", putReview(with(qualifying(), "criteriaMet", codes)))
                .then().body("detail", containsString("criteriaMet"));
        refusedNaming("reasons", putReview(with(notQualifying(), "reasons", Collections.nCopies(10_000, reason))));
        refusedNaming("note", putReview(with(qualifying(), "note", "x".repeat(2001))));
        refusedNaming("wards", asAdmin().body(with(Api.auditBody("Many wards"), "wards",
                IntStream.range(0, 10_000).mapToObj(i -> "Ward " + i).toList())).post("/api/audits"));

        for (Object rate : List.of(-1, 1e308, "1e308", "-1e308", 1.0001, "NaN", "Infinity", "1e99999")) {
            refusedNaming("dualReviewRate", asAdmin().body(with(Api.auditBody("Rate " + rate), "dualReviewRate", rate))
                    .post("/api/audits"));
        }
        // Not a whole number is malformed; a number no case of this audit has is not found.
        for (Object id : List.of(1e308, "99999999999999999999")) {
            refusedNaming("caseId", putReview(with(qualifying(), "caseId", id)));
        }
        for (Object id : List.of(-1, 0, Long.MAX_VALUE)) {
            assertEquals("caseId", refusedWith(404, putReview(with(qualifying(), "caseId", id))).jsonPath()
                    .getString("field"));
        }
        for (String date : List.of("0000-01-01", "9999-12-31", "-999999999-01-01", "+999999999-12-31", "2026-02-30")) {
            refusedNaming("reviewDate", putReview(with(qualifying(), "reviewDate", date)));
            refusedNaming("admissionDate", registerCase(with(newCase(), "admissionDate", date)));
        }
        Map<String, Object> audit = Api.auditBody("Dates");
        refusedNaming("startDate", asAdmin().body(with(audit, "startDate", "0000-01-01")).post("/api/audits"));
        refusedNaming("endDate", asAdmin().body(with(audit, "endDate", "9999-12-31")).post("/api/audits"));
        refusedNaming("startDate", asAdmin().body(with(audit, "startDate", "9999-12-31", "endDate", "9999-12-31"))
                .post("/api/audits"));
        for (String date : List.of("0000-01-01", "9999-12-31")) {
            refusedStatus(asAdmin().get("/api/audits/{id}/debriefs/{date}", this.audit, date));
        }
        assertEquals(before, rows());
        as(reviewer).get("/api/audits/" + this.audit + "/cases").then().statusCode(200)
                .body(not(containsString("0000-01-01")));
        tally.expect(32, 0);
    }
}
