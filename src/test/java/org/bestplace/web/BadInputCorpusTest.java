package org.bestplace.web;

import static io.restassured.RestAssured.given;
import static org.bestplace.Api.as;
import static org.bestplace.Api.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
 * The last test checks the service's health once the rest of the corpus has been sent.
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
        audit = Api.collectingAudit();
        reviewer = Api.reviewerOn(audit, "COMMUNITY");
        caseId = Api.registerCase(audit, reviewer);
        var set = asAdmin().get("/api/criteria-sets/" + Api.SET_ID + "/" + Api.SET_VERSION).then().statusCode(200)
                .extract().jsonPath();
        criterion = set.getString("groups[0].criteria[0].code");
        alternative = set.getString("alternatives[1].code");
        reason = set.getString("reasons[0].code");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theServiceIsStillUpAfterTheCorpus() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
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
        String password = "admin".equals(username) ? TestDatabase.ADMIN_PASSWORD : Api.PASSWORD;
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password)
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
    void injectionInCaseRegistrationIsRefusedAndNothingStored() throws SQLException {
        Map<String, Long> before = rows();
        for (String injection : INJECTIONS) {
            refusedNaming("ward", registerCase(with(newCase(), "ward", injection)));
            refusedNaming("ageBand", registerCase(with(newCase(), "ageBand", injection)));
            refusedNaming("sex", registerCase(with(newCase(), "sex", injection)));
            refusedNaming("admissionDate", registerCase(with(newCase(), "admissionDate", injection)));
            // Specialty and local identifier are free text: refused here for the bad sex beside them.
            refusedNaming("sex", registerCase(with(newCase(), "specialty", injection, "sex", "X")));
            refusedNaming("sex", registerCase(with(newCase(), "localId", injection, "sex", "X")));
        }
        assertEquals(before, rows());
    }

    @Test
    void injectionInReviewFieldsIsRefusedAndNothingStored() throws SQLException {
        Map<String, Long> before = rows();
        for (String injection : INJECTIONS) {
            refusedNaming("caseId", putReview(with(qualifying(), "caseId", injection)));
            refusedNaming("reviewDate", putReview(with(qualifying(), "reviewDate", injection)));
            refusedNaming("criteriaMet", putReview(with(qualifying(), "criteriaMet", List.of(criterion, injection))));
            refusedNaming("alternative", putReview(with(notQualifying(), "alternative", injection)));
            refusedNaming("reasons", putReview(with(notQualifying(), "reasons", List.of(injection))));
            refusedNaming("submitted", putReview(with(qualifying(), "submitted", injection)));
            refusedNaming("override.outcome", putReview(with(qualifying(), "override",
                    Map.of("outcome", injection, "reason", "reason"))));
            // Free text: refused for the review date outside the audit that comes with it.
            refusedNaming("reviewDate", putReview(with(qualifying(), "note", injection, "reviewDate", "2026-12-31")));
            refusedNaming("reviewDate", putReview(with(notQualifying(), "override",
                    Map.of("outcome", "DOES_NOT_QUALIFY", "reason", injection), "reviewDate", "2026-12-31")));
            refusedNaming("reviewDate", putReview(with(qualifying(), "changeReason", injection,
                    "reviewDate", "2026-12-31")));
            refusedWith(400, as(reviewer).body(injection).put("/api/audits/" + audit + "/reviews/"
                    + UUID.randomUUID()));
        }
        assertEquals(before, rows());
    }

    @Test
    void injectionInAuditUserAndTeamFieldsIsRefusedAndNothingStored() throws SQLException {
        Map<String, Long> before = rows();
        Map<String, Object> audit = Api.auditBody("Corpus audit");
        Map<String, Object> user = Map.of("username", "corpus-user", "displayName", "Corpus", "organisation",
                "Test Trust", "sector", "HOSPITAL", "roles", List.of("REVIEWER"), "password", Api.PASSWORD);
        for (String injection : INJECTIONS) {
            for (String field : List.of("title", "question", "site")) {
                refusedNaming("dualReviewRate", asAdmin().body(with(audit, field, injection, "dualReviewRate", 2))
                        .post("/api/audits"));
            }
            refusedNaming("dualReviewRate", asAdmin().body(with(audit, "wards", List.of("Ward A", injection),
                    "dualReviewRate", 2)).post("/api/audits"));
            refusedNaming("criteriaSet", asAdmin().body(with(audit, "criteriaSet",
                    Map.of("id", injection, "version", Api.SET_VERSION))).post("/api/audits"));
            refusedNaming("criteriaSet", asAdmin().body(with(audit, "criteriaSet",
                    Map.of("id", Api.SET_ID, "version", injection))).post("/api/audits"));
            refusedNaming("startDate", asAdmin().body(with(audit, "startDate", injection)).post("/api/audits"));
            refusedNaming("username", asAdmin().body(with(user, "username", injection)).post("/api/users"));
            refusedNaming("sector", asAdmin().body(with(user, "displayName", injection, "sector", injection))
                    .post("/api/users"));
            refusedWith(400, asAdmin().body(with(user, "organisation", injection, "roles", List.of(injection)))
                    .post("/api/users")).then().body("field", startsWith("roles"));
            refusedNaming("username", asAdmin().body(Map.of("username", injection, "role", "REVIEWER"))
                    .post("/api/audits/" + this.audit + "/members"));
            refusedNaming("role", asAdmin().body(Map.of("username", reviewer, "role", injection))
                    .post("/api/audits/" + this.audit + "/members"));
            refusedNaming("status", asAdmin().body(Map.of("status", injection, "reason", injection))
                    .post("/api/audits/" + this.audit + "/status"));
        }
        assertEquals(before, rows());
    }

    @Test
    void injectionInPathAndQueryParametersIsRefused() throws SQLException {
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
    }

    @Test
    void hostileAddressesQueryValuesAndNamesAreRefused() throws SQLException {
        Map<String, Long> before = rows();
        int tried = refused;
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
        assertEquals(12, refused - tried, "hostile inputs refused in this test");
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
        for (String table : TABLES) {
            assertTrue(Db.number(dataSource, "select count(*) from information_schema.tables where table_name = ?"
                    + " and table_schema = database()", table) == 1, table);
        }
        assertTrue(Db.number(dataSource, "select count(*) from review") > 0);
    }

    @Test
    void scriptInANoteOrSpecialtyIsShownEscapedOnThePages() throws SQLException {
        String first = registerCase(with(newCase(), "specialty", SCRIPT)).then().statusCode(201).extract().path("id");
        String second = registerCase(newCase()).then().statusCode(201).extract().path("id");
        for (var note : Map.of(first, SCRIPT, second, IMAGE).entrySet()) {
            accepted++;
            Api.putReview(audit, reviewer, UUID.randomUUID().toString(), with(notQualifying(), "caseId",
                    note.getKey(), "note", note.getValue(), "flagged", true)).statusCode(201);
        }
        String admin = signIn("admin", TestDatabase.ADMIN_PASSWORD);
        String debrief = page(admin, "/audits/" + audit + "/debriefs/2026-11-03");
        assertEscaped(debrief);
        assertTrue(debrief.contains("&lt;img src=x onerror=alert(1)&gt;"), debrief);

        String own = signIn(reviewer, Api.PASSWORD);
        assertEscaped(page(own, "/audits/" + audit + "/cases/" + first + "/review?date=2026-11-03"));
        assertEscaped(page(own, "/audits/" + audit + "/wards/Ward A"));

        Map<String, Long> before = rows();
        List<String> hostile = new ArrayList<>(INJECTIONS);
        hostile.addAll(List.of(SCRIPT, IMAGE, "9999-99-99"));
        for (String value : hostile) {
            pageRefused(given().cookie("quarkus-credential", own).accept("text/html").queryParam("date", value)
                    .get("/audits/{id}/cases/{case}/review", audit, first));
            pageRefused(given().cookie("quarkus-credential", own).accept("text/html")
                    .get("/audits/{id}/wards/{ward}", audit, value));
            pageRefused(given().cookie("quarkus-credential", admin).accept("text/html")
                    .get("/audits/{id}/debriefs/{date}", audit, value));
        }
        for (String outside : List.of("0000-01-01", "9999-12-31")) {
            pageRefused(given().cookie("quarkus-credential", admin).accept("text/html")
                    .get("/audits/{id}/debriefs/{date}", audit, outside));
        }
        assertEquals(before, rows());
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

    static String signIn(String username, String password) {
        String cookie = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check").then().statusCode(302).extract().cookie("quarkus-credential");
        assertNotNull(cookie, "no session for " + username);
        return cookie;
    }

    static String page(String cookie, String path) {
        return given().cookie("quarkus-credential", cookie).accept("text/html").get(path).then().statusCode(200)
                .extract().asString();
    }

    @Test
    void oversizedWronglyTypedAndMalformedBodiesAreRefused() throws SQLException {
        Map<String, Long> before = rows();
        String url = "/api/audits/" + audit + "/reviews/" + UUID.randomUUID();
        String huge = "{\"caseId\":\"" + caseId + "\",\"reviewDate\":\"2026-11-03\",\"submitted\":true,\"note\":\""
                + "x".repeat(1_100_000) + "\"}";
        refusedWith(413, as(reviewer).body(utf8(huge)).put(url));
        refusedWith(413, as(reviewer).body(utf8(huge.replace("note", "specialty")))
                .post("/api/audits/" + audit + "/cases"));

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
        refusedWith(400, asAdmin().body(with(audit, "startDate", "0000-01-01", "endDate", "9999-12-31"))
                .post("/api/audits"));
        refusedNaming("startDate", asAdmin().body(with(audit, "startDate", "9999-12-31", "endDate", "9999-12-31"))
                .post("/api/audits"));
        for (String date : List.of("0000-01-01", "9999-12-31")) {
            refusedStatus(asAdmin().get("/api/audits/{id}/debriefs/{date}", this.audit, date));
        }
        assertEquals(before, rows());
        as(reviewer).get("/api/audits/" + this.audit + "/cases").then().statusCode(200)
                .body(not(containsString("0000-01-01")));
    }
}
