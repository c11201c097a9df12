package org.bestplace.results;

import static io.restassured.RestAssured.given;
import static org.bestplace.Api.as;
import static org.bestplace.Api.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Pages;
import org.bestplace.criteria.CriteriaApiTest;
import org.bestplace.statistics.Newcombe;
import org.bestplace.web.CsrfToken;
import org.bestplace.web.TemplateExtensions;
import org.junit.jupiter.api.Test;

/**
 * A re-audit names the audit it repeats; its results and brief then show the change against it,
 * the same figures as {@code GET /api/comparisons?a={re-audit}&b={earlier}}, and the share of each
 * earlier action's reasons before and after.
 */
@QuarkusTest
class ReauditApiTest {

    static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    /** A patient-day to review on 3 November: qualifying (no place), or not, with its place and reasons. */
    record Day(String ward, String alternative, List<String> reasons) {
        static Day qualifying(String ward) {
            return new Day(ward, null, List.of());
        }

        static Day not(String ward, String alternative, String... reasons) {
            return new Day(ward, alternative, List.of(reasons));
        }
    }

    static List<Day> times(int n, Day day) {
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            days.add(day);
        }
        return days;
    }

    static Map<String, Object> body(String title, List<String> wards, String repeats) {
        Map<String, Object> body = new HashMap<>(Api.auditBody(title + " " + UUID.randomUUID()));
        body.put("wards", wards);
        if (repeats != null) {
            body.put("repeats", repeats);
        }
        return body;
    }

    /**
     * A collecting audit with {@code reviewer} (hospital) and {@code commissioner} on its team, whose
     * reviewer has scored each day once (single reviews, so every patient-day is settled).
     */
    static String audit(Map<String, Object> body, String reviewer, String commissioner, List<Day> days) {
        String id = asAdmin().body(body).post("/api/audits").then().statusCode(201).extract().path("id");
        Api.member(id, reviewer, "REVIEWER", "HOSPITAL");
        Api.member(id, commissioner, "COMMISSIONER", "COMMISSIONER");
        Api.startCollecting(id);
        for (Day day : days) {
            String caseId = as(reviewer).body(Map.of("ward", day.ward(), "specialty", "General medicine", "ageBand",
                    "75-84", "sex", "FEMALE", "admissionDate", "2026-11-02")).post("/api/audits/" + id + "/cases")
                    .then().statusCode(201).extract().path("id");
            Map<String, Object> review = new HashMap<>();
            review.put("caseId", caseId);
            review.put("reviewDate", "2026-11-03");
            review.put("submitted", true);
            review.put("criteriaMet", day.alternative() == null ? List.of("MED-01") : List.of());
            review.put("reasons", day.reasons());
            if (day.alternative() != null) {
                review.put("alternative", day.alternative());
            }
            Api.putReview(id, reviewer, UUID.randomUUID().toString(), review).statusCode(201);
        }
        return id;
    }

    static JsonPath get(String username, String path) {
        return as(username).get(path).then().statusCode(200).extract().jsonPath().using(DOUBLES);
    }

    /** The comparison block of a re-audit (its results or its brief) holds the comparison's own figures. */
    static void sameFigures(JsonPath comparison, JsonPath block, String prefix) {
        for (String figure : List.of("difference", "ci95.low", "ci95.high", "a.proportion", "b.proportion")) {
            assertEquals(comparison.getDouble(figure), block.getDouble(prefix + figure), 1e-12, figure);
        }
        for (String count : List.of("a.reviewed", "a.notQualifying", "b.reviewed", "b.notQualifying")) {
            assertEquals(comparison.getLong(count), block.getLong(prefix + count), count);
        }
    }

    @Test
    void aReauditOfTheDemoShowsTheDifferenceAndIntervalBesideTheEarlierAuditEqualToTheComparison() {
        String demo = Api.demoAudit();
        JsonPath demoBefore = get("admin", "/api/audits/" + demo + "/summary");
        List<String> demoWards = get("admin", "/api/audits/" + demo).getList("wards");
        String reviewer = Api.user("reaudit-reviewer", "HOSPITAL", "REVIEWER");
        String commissioner = Api.user("reaudit-commissioner", "COMMISSIONER", "COMMISSIONER");
        // The re-audit covers one of the demo's wards and a new one: 8 patient-days, 2 not qualifying.
        String ward = demoWards.get(0);
        List<Day> days = new ArrayList<>(times(2, Day.not(ward, "P1", "HP-TESTS")));
        days.addAll(times(6, Day.qualifying(ward)));
        String reaudit = audit(body("Re-audit of the demo", List.of(ward, "Ward Z"), demo), reviewer, commissioner,
                days);
        assertEquals(demo, get("admin", "/api/audits/" + reaudit).getString("repeats"));

        JsonPath comparison = get("admin", "/api/comparisons?a=" + reaudit + "&b=" + demo);
        JsonPath change = get("admin", "/api/audits/" + reaudit + "/reaudit");
        JsonPath brief = get("admin", "/api/audits/" + reaudit + "/commissioning-brief");
        assertEquals(demo, change.getString("earlier.id"));
        assertEquals(get("admin", "/api/audits/" + demo).getString("title"), change.getString("earlier.title"));
        sameFigures(comparison, change, "comparison.");
        sameFigures(comparison, brief, "repeats.comparison.");

        // Worked: after (the re-audit) 2 of 8 settled patient-days = 25.0%; before, the demo's as agreed.
        assertEquals(8, comparison.getLong("a.reviewed"));
        assertEquals(2, comparison.getLong("a.notQualifying"));
        long n = comparison.getLong("b.reviewed");
        long x = comparison.getLong("b.notQualifying");
        assertEquals(demoBefore.getLong("asAgreed.reviewed"), n, "the demo's settled patient-days");
        assertEquals(demoBefore.getLong("asAgreed.notQualifying"), x, "the demo's not qualifying, as agreed");
        Newcombe.Difference worked = Newcombe.difference(2, 8, x, n);
        assertEquals(0.25 - (double) x / n, change.getDouble("comparison.difference"), 1e-12);
        assertEquals(worked.ci95().low(), change.getDouble("comparison.ci95.low"), 1e-12);
        assertEquals(worked.ci95().high(), change.getDouble("comparison.ci95.high"), 1e-12);
        System.out.printf("re-audit of the demo: after 2/8 = 25.0%%, before %d/%d = %.4f, difference %.4f,"
                + " 95%% CI %.4f to %.4f%n", x, n, (double) x / n, worked.difference(), worked.ci95().low(),
                worked.ci95().high());

        // The results page shows the same difference and interval, beside both proportions.
        String page = Pages.signIn("admin", org.bestplace.TestDatabase.ADMIN_PASSWORD)
                .page("/audits/" + reaudit + "/results");
        assertTrue(page.contains("<span id=\"reaudit-difference-value\">"
                + TemplateExtensions.percentText(worked.difference()) + "</span>"), "the change on the results page");
        assertTrue(page.contains("<span id=\"reaudit-interval\">" + TemplateExtensions.rangeText(worked.ci95())
                + "</span>"), "its interval on the results page");

        // The demo audit is read, never changed.
        JsonPath demoAfter = get("admin", "/api/audits/" + demo + "/summary");
        assertEquals(demoBefore.getLong("reviewed"), demoAfter.getLong("reviewed"));
        assertNull(get("admin", "/api/audits/" + demo).get("repeats"));
    }

    @Test
    void aHandBuiltReauditGivesTheChangeAndTheActionsReasonsBeforeAndAfterWorkedByHand() {
        String reviewer = Api.user("reaudit-reviewer", "HOSPITAL", "REVIEWER");
        String commissioner = Api.user("reaudit-commissioner", "COMMISSIONER", "COMMISSIONER");
        // Earlier: 10 patient-days on Ward A, 4 not qualifying (3 waiting for tests, 1 for a care home).
        List<Day> before = new ArrayList<>(times(3, Day.not("Ward A", "P1", "HP-TESTS")));
        before.add(Day.not("Ward A", "P3", "SC-CARE-HOME"));
        before.addAll(times(6, Day.qualifying("Ward A")));
        String earlier = audit(body("Earlier audit", List.of("Ward A", "Ward B"), null), reviewer, commissioner,
                before);
        Map<String, Object> action = new HashMap<>(Map.of("title", "Tests reported the same day", "finding",
                "Patients wait in hospital for their tests", "reasonCodes", List.of("HP-TESTS"), "ownerSector",
                "HOSPITAL", "owner", "Pathology lead", "dueDate", "2026-12-15"));
        String tests = as(commissioner).body(action).post("/api/audits/" + earlier + "/actions").then()
                .statusCode(201).extract().path("id");
        action.put("title", "A named discharge coordinator");
        action.put("reasonCodes", List.of());
        as(commissioner).body(action).post("/api/audits/" + earlier + "/actions").then().statusCode(201);
        // Re-audit: Ward A again and Ward C; 10 patient-days, 1 not qualifying (waiting for tests).
        List<Day> after = new ArrayList<>(times(1, Day.not("Ward A", "P1", "HP-TESTS")));
        after.addAll(times(9, Day.qualifying("Ward A")));
        String reviewerAfter = Api.user("reaudit-reviewer", "HOSPITAL", "REVIEWER");
        String reaudit = audit(body("Re-audit", List.of("Ward A", "Ward C"), earlier), reviewerAfter, commissioner,
                after);

        // Worked by hand (Wilson 95%, z = 1.959964):
        //   this audit (A)      1 of 10 = 0.1000, 95% CI 0.0179 to 0.4042
        //   earlier audit (B)   4 of 10 = 0.4000, 95% CI 0.1682 to 0.6873
        //   difference A - B = -0.3000; Newcombe hybrid score:
        //     low  = -0.3 - sqrt((0.1 - 0.0179)^2 + (0.6873 - 0.4)^2) = -0.3 - 0.2988 = -0.5988
        //     high = -0.3 + sqrt((0.4042 - 0.1)^2 + (0.4 - 0.1682)^2) = -0.3 + 0.3824 =  0.0824
        JsonPath comparison = get(commissioner, "/api/comparisons?a=" + reaudit + "&b=" + earlier);
        assertEquals(-0.3, comparison.getDouble("difference"), 1e-9);
        assertEquals(-0.5988, comparison.getDouble("ci95.low"), 5e-5);
        assertEquals(0.0824, comparison.getDouble("ci95.high"), 5e-5);
        JsonPath change = get(commissioner, "/api/audits/" + reaudit + "/reaudit");
        sameFigures(comparison, change, "comparison.");
        JsonPath brief = get(commissioner, "/api/audits/" + reaudit + "/commissioning-brief?beds=540");
        sameFigures(comparison, brief, "repeats.comparison.");

        // The action on HP-TESTS: not-qualifying patient-days with that reason over settled patient-days,
        //   before 3 of 10 = 0.3000, after 1 of 10 = 0.1000; change after - before = -0.2000,
        //   Newcombe: low = -0.2 - sqrt((0.1 - 0.0179)^2 + (0.6032 - 0.3)^2) = -0.5141,
        //             high = -0.2 + sqrt((0.4042 - 0.1)^2 + (0.3 - 0.1078)^2) = 0.1598.
        // The action naming no reason is left out: the re-audit cannot say whether it worked.
        for (JsonPath block : List.of(change, brief)) {
            String at = block == brief ? "repeats.actions" : "actions";
            assertEquals(1, block.getList(at).size(), block.prettify());
            assertEquals(tests, block.getString(at + "[0].actionId"));
            assertEquals(List.of("HP-TESTS"), block.getList(at + "[0].reasonCodes"));
            assertEquals(10, block.getLong(at + "[0].before.patientDays"));
            assertEquals(3, block.getLong(at + "[0].before.withReasons"));
            assertEquals(0.3, block.getDouble(at + "[0].before.proportion"), 1e-12);
            assertEquals(10, block.getLong(at + "[0].after.patientDays"));
            assertEquals(1, block.getLong(at + "[0].after.withReasons"));
            assertEquals(0.1, block.getDouble(at + "[0].after.proportion"), 1e-12);
            assertEquals(-0.2, block.getDouble(at + "[0].difference"), 1e-9);
            assertEquals(-0.5141, block.getDouble(at + "[0].ci95.low"), 5e-5);
            assertEquals(0.1598, block.getDouble(at + "[0].ci95.high"), 5e-5);
        }
        System.out.printf("hand-built re-audit: 1/10 against 4/10, difference %.4f (95%% CI %.4f to %.4f);"
                + " HP-TESTS 3/10 -> 1/10, change %.4f (95%% CI %.4f to %.4f)%n", comparison.getDouble("difference"),
                comparison.getDouble("ci95.low"), comparison.getDouble("ci95.high"),
                change.getDouble("actions[0].difference"), change.getDouble("actions[0].ci95.low"),
                change.getDouble("actions[0].ci95.high"));

        // A reviewer of the re-audit who is not on the earlier audit's team is told why, not shown its figures.
        as(reviewerAfter).get("/api/audits/" + reaudit + "/reaudit").then().statusCode(200)
                .body("comparison", nullValue()).body("earlier.title", nullValue())
                .body("unavailable", containsString("whose team you are not on"));
        // An audit that repeats none has no change.
        as(commissioner).get("/api/audits/" + earlier + "/reaudit").then().statusCode(200)
                .body("earlier", nullValue()).body("comparison", nullValue());
        as(commissioner).get("/api/audits/" + earlier + "/commissioning-brief").then().statusCode(200)
                .body("repeats", nullValue());
    }

    /** A ratified criteria set of another family, and a planned audit on it; returns the audit's id. */
    static String auditOfAnotherFamily() {
        String setId = "reaudit-" + UUID.randomUUID().toString().substring(0, 8);
        Api.uploadYaml("admin", CriteriaApiTest.set(setId)).statusCode(201);
        for (String sector : List.of("HOSPITAL", "COMMUNITY", "COMMISSIONER")) {
            as(Api.user("signer", sector, "REVIEWER")).body(Map.of("sector", sector))
                    .post("/api/criteria-sets/" + setId + "/1/ratifications").then().statusCode(201);
        }
        Map<String, Object> body = body("Other family", List.of("Ward A", "Ward B"), null);
        body.put("criteriaSet", Map.of("id", setId, "version", "1"));
        return asAdmin().body(body).post("/api/audits").then().statusCode(201).extract().path("id");
    }

    static int audits() {
        return asAdmin().get("/api/audits").then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    @Test
    void anAuditRepeatsAnotherOfTheSameFamilyAndWardsOrIsRefusedNamingRepeats() {
        String earlier = asAdmin().body(body("Earlier", List.of("Ward A", "Ward B"), null)).post("/api/audits")
                .then().statusCode(201).extract().path("id");
        String other = auditOfAnotherFamily();
        int before = audits();
        // Each hostile value is the only thing wrong in its request, and nothing is stored.
        asAdmin().body(body("Unknown", List.of("Ward A"), "999999999")).post("/api/audits").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("repeats"))
                .body("detail", containsString("There is no audit 999999999"));
        asAdmin().body(body("Not an id", List.of("Ward A"), "last year's")).post("/api/audits").then()
                .statusCode(400).body("field", equalTo("repeats"));
        asAdmin().body(body("Other family", List.of("Ward A"), other)).post("/api/audits").then().statusCode(400)
                .body("field", equalTo("repeats")).body("detail", containsString("same criteria set"));
        asAdmin().body(body("Disjoint", List.of("Ward Z"), earlier)).post("/api/audits").then().statusCode(400)
                .body("field", equalTo("repeats")).body("detail", containsString("shares none"));
        assertEquals(before, audits(), "no refused audit was stored");

        // Overlapping wards (one of two) of the same set: accepted, and shown.
        String reaudit = asAdmin().body(body("Re-audit", List.of("Ward B", "Ward C"), earlier)).post("/api/audits")
                .then().statusCode(201).body("repeats", equalTo(earlier)).extract().path("id");
        // Itself, while planned: refused by PUT, and the set-up stays as it was.
        Map<String, Object> self = body("Re-audit", List.of("Ward B", "Ward C"), reaudit);
        asAdmin().body(self).put("/api/audits/" + reaudit).then().statusCode(400).body("field", equalTo("repeats"))
                .body("detail", containsString("cannot repeat itself"));
        asAdmin().body(body("Re-audit", List.of("Ward Z"), earlier)).put("/api/audits/" + reaudit).then()
                .statusCode(400).body("field", equalTo("repeats"));
        asAdmin().get("/api/audits/" + reaudit).then().statusCode(200).body("repeats", equalTo(earlier))
                .body("wards", equalTo(List.of("Ward B", "Ward C")));
        // The earlier audit cannot then repeat its own re-audit.
        asAdmin().body(body("Earlier", List.of("Ward A", "Ward B"), reaudit)).put("/api/audits/" + earlier).then()
                .statusCode(400).body("field", equalTo("repeats"));
        // A set-up sent without `repeats` is an audit that repeats none.
        asAdmin().body(body("Re-audit", List.of("Ward B"), null)).put("/api/audits/" + reaudit).then()
                .statusCode(200).body("repeats", nullValue());
        // A lead may name only an audit they can see; another is as unknown as one that does not exist.
        String lead = Api.user("lead", "COMMUNITY", "REVIEWER");
        Api.member(reaudit, lead, "LEAD", "COMMUNITY");
        as(lead).body(body("Re-audit", List.of("Ward B"), earlier)).put("/api/audits/" + reaudit).then()
                .statusCode(400).body("field", equalTo("repeats")).body("detail", containsString("no audit"));
        Api.member(earlier, lead, "REVIEWER", "COMMUNITY");
        as(lead).body(body("Re-audit", List.of("Ward B"), earlier)).put("/api/audits/" + reaudit).then()
                .statusCode(200).body("repeats", equalTo(earlier));
    }

    static io.restassured.response.Response post(Pages.Session session, String path, Map<String, ?> form) {
        return given().redirects().follow(false).cookie(Pages.SESSION_COOKIE, session.cookie())
                .cookie(CsrfToken.COOKIE, session.csrfCookie()).header(CsrfToken.HEADER, session.csrfToken())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(form)
                .formParam(CsrfToken.FIELD, session.csrfToken()).post(path);
    }

    @Test
    void theSetUpPageOffersTheEarlierAuditAndGivesARefusalBackBesideItsField() {
        String earlier = asAdmin().body(body("Earlier for the page", List.of("Ward A", "Ward B"), null))
                .post("/api/audits").then().statusCode(201).extract().path("id");
        Pages.Session admin = Pages.signIn("admin", org.bestplace.TestDatabase.ADMIN_PASSWORD);
        String form = admin.page("/audits/new");
        assertTrue(form.contains("<select id=\"repeats\" name=\"repeats\""), "the set-up offers a re-audit");
        assertTrue(form.contains("<option value=\"" + earlier + "\""), "the earlier audit is offered");
        int before = audits();
        Map<String, String> fields = new HashMap<>(Map.of("title", "Page re-audit " + UUID.randomUUID(), "question",
                "Who could be elsewhere?", "site", "Test", "ward", "Ward Z", "startDate", "2026-11-01", "endDate",
                "2026-11-30", "criteriaSet", "acute-adult-day-of-care|1.0", "dualReviewRate", "20", "timeZone",
                "Europe/London", "action", "save"));
        fields.put("repeats", earlier);
        String refused = post(admin, "/audits", fields).then().statusCode(400).extract().asString();
        assertTrue(refused.contains("id=\"repeats-error\""), "the message is beside its field");
        assertTrue(refused.contains("shares none"), refused);
        assertTrue(refused.contains("value=\"" + fields.get("title") + "\""), "the title typed stays");
        assertTrue(refused.contains("<option value=\"" + earlier + "\" selected"), "the choice stays");
        assertEquals(before, audits(), "nothing stored");

        fields.put("ward", "Ward B");
        String location = post(admin, "/audits", fields).then().statusCode(303).extract().header("Location");
        String created = location.replaceAll(".*/audits/(\\d+)/team.*", "$1");
        asAdmin().get("/api/audits/" + created).then().statusCode(200).body("repeats", equalTo(earlier));
        String setup = admin.page("/audits/" + created + "/setup");
        assertTrue(setup.contains("<option value=\"" + earlier + "\" selected"), "the set-up shows what it repeats");
    }
}
