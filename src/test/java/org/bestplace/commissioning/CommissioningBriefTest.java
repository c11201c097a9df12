package org.bestplace.commissioning;

import static org.bestplace.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.bestplace.TestAudit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The commissioning brief on an audit built by hand: single reviews on two days, known counts by
 * alternative place and reason, no debrief. Every figure is checked against the table below,
 * worked by hand (Wilson 95% interval, z = 1.959964, z² = 3.841459).
 *
 * <pre>
 * 20 patient-days (10 on 3 Nov, 10 on 4 Nov), 2 audit days, mean reviewed per day 10.
 * 12 qualify; 8 do not:
 *   #1 P1      HP-TESTS
 *   #2 P1      CC-HOME-CARE
 *   #3 P1      CC-HOME-CARE, SC-ASSESS
 *   #4 P2      CC-BED
 *   #5 P2      HP-THERAPY, CC-BED
 *   #6 P3      SC-CARE-HOME
 *   #7 P3      SC-FUNDING, PF-CHOICE
 *   #8 HOSPICE (no reason)
 *
 * x of 20   p      Wilson low  high      beds at B=10 (est, low, high)   beds at B=540
 *  0        0.00   0.0000   0.1611      0.0000  0.0000  1.6113          0.0000   0.0000  87.0076
 *  1        0.05   0.0089   0.2361      0.5000  0.0888  2.3613         27.0000   4.7960 127.5108
 *  2        0.10   0.0279   0.3010      1.0000  0.2787  3.0103         54.0000  15.0479 162.5582
 *  3        0.15   0.0524   0.3604      1.5000  0.5237  3.6042         81.0000  28.2791 194.6262
 *  4        0.20   0.0807   0.4160      2.0000  0.8066  4.1602        108.0000  43.5551 224.6494
 *  8        0.40   0.2188   0.6134      4.0000  2.1881  6.1342        216.0000 118.1555 331.2460
 * bed-days a year = beds × 365: all 8 at B=10: 1460.0000, 798.6438, 2238.9775;
 *                               at B=540: 78840.0000, 43126.7675, 120904.7862
 *
 * by alternative: P0 0, P1 3, P2 2, P3 2, HOSPICE 1, MENTAL_HEALTH 0, OTHER 0
 * by reason group (a patient-day counts in each group it has a reason in):
 *   HOSPITAL_PROCESS #1 #5 = 2; COMMUNITY_CAPACITY #2 #3 #4 #5 = 4; SOCIAL_CARE #3 #6 #7 = 3;
 *   PATIENT_FAMILY #7 = 1; NO_SERVICE 0
 * scenario {CC-HOME-CARE, CC-BED, SC-ASSESS}: #2 #3 #4 (every reason in the set; #5 has HP-THERAPY,
 *   #8 has no reason) = 3 → at B=540 81.0000 beds (28.2791 to 194.6262), 29565.0000 bed-days a year
 *   (10321.8798 to 71038.5582)
 *
 * unit costs (GBP a day): acute bed 400; P1 60, P2 200, P3 120, HOSPICE 450 (P0 and others not given)
 * at B=10, yearly: in hospital = beds × 365 × 400, in the alternative = beds × 365 × cost
 *   P1      1.5 beds: 219000 − 32850  = 186150
 *   P2      1.0 bed : 146000 − 73000  =  73000
 *   P3      1.0 bed : 146000 − 43800  = 102200
 *   HOSPICE 0.5 bed :  73000 − 82125  =  −9125
 *   total           : 584000 − 231775 = 352225
 * at B=540 each is 54 times as much: total 31536000 − 12515850 = 19020150
 * </pre>
 */
@QuarkusTest
class CommissioningBriefTest {

    static final double FOUR_DECIMALS = 0.00005;

    TestAudit audit;

    @BeforeEach
    void handBuiltAudit() {
        audit = TestAudit.create();
        List<Map<String, Object>> notQualifying = List.of(
                place("P1", "HP-TESTS"), place("P1", "CC-HOME-CARE"), place("P1", "CC-HOME-CARE", "SC-ASSESS"),
                place("P2", "CC-BED"), place("P2", "HP-THERAPY", "CC-BED"), place("P3", "SC-CARE-HOME"),
                place("P3", "SC-FUNDING", "PF-CHOICE"), place("HOSPICE"));
        List<Map<String, Object>> days = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            days.add(i < 8 ? notQualifying.get(i) : null);
        }
        for (int i = 0; i < 20; i++) {
            String caseId = Api.registerCase(audit.id(), audit.hospital());
            Map<String, Object> body = new HashMap<>();
            body.put("caseId", caseId);
            body.put("reviewDate", i % 2 == 0 ? "2026-11-03" : "2026-11-04");
            body.put("submitted", true);
            Map<String, Object> place = days.get(i);
            if (place == null) {
                body.put("criteriaMet", List.of("MED-01"));
            } else {
                body.put("criteriaMet", List.of());
                body.putAll(place);
            }
            Api.putReview(audit.id(), audit.hospital(), UUID.randomUUID().toString(), body).statusCode(201);
        }
    }

    private static Map<String, Object> place(String alternative, String... reasons) {
        return Map.of("alternative", alternative, "reasons", List.of(reasons));
    }

    private JsonPath brief(String query) {
        String body = as(audit.commissioner()).get("/api/audits/" + audit.id() + "/commissioning-brief" + query)
                .then().statusCode(200).extract().asString();
        // doubles, not RestAssured's default floats, which hold only about seven digits
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static void near(double expected, JsonPath json, String path) {
        double actual = json.getDouble(path);
        assertEquals(expected, actual, FOUR_DECIMALS, path);
    }

    private static void beds(JsonPath json, String path, double estimate, double low, double high) {
        near(estimate, json, path + ".estimate");
        near(low, json, path + ".low");
        near(high, json, path + ".high");
    }

    private static Map<String, Object> row(JsonPath json, String list, String key, String value) {
        List<Map<String, Object>> rows = json.getList(list);
        return rows.stream().filter(r -> value.equals(r.get(key))).findFirst()
                .orElseThrow(() -> new AssertionError(list + " has no " + value + ": " + rows));
    }

    private static void near(double expected, Map<String, Object> row, String... path) {
        Object value = row;
        for (String step : path) {
            value = ((Map<?, ?>) value).get(step);
        }
        assertEquals(expected, ((Number) value).doubleValue(), FOUR_DECIMALS, String.join(".", path) + " of " + row);
    }

    @Test
    void theFiguresOnTheAuditsOwnBedBaseEqualTheWorkedTable() {
        JsonPath json = brief("");
        assertEquals(20, json.getInt("patientDays"));
        assertEquals(2, json.getInt("auditDays"));
        near(10.0, json, "meanReviewedPerDay");
        assertEquals(8, json.getInt("notQualifying"));
        assertEquals(0, json.getInt("unresolved"));
        near(0.4, json, "proportion");
        near(0.2188, json, "ci95.low");
        near(0.6134, json, "ci95.high");
        near(10.0, json, "bedBase");
        beds(json, "bedsOccupied", 4.0, 2.1881, 6.1342);
        beds(json, "annualBedDays", 1460.0, 798.6438, 2238.9775);
        assertNull(json.get("scenario"), "no scenario asked for");
        assertNull(json.get("costs"), "no unit costs entered");

        Map<String, double[]> places = Map.of("P0", new double[] {0, 0, 0, 1.6113}, "P1",
                new double[] {3, 1.5, 0.5237, 3.6042}, "P2", new double[] {2, 1.0, 0.2787, 3.0103}, "P3",
                new double[] {2, 1.0, 0.2787, 3.0103}, "HOSPICE", new double[] {1, 0.5, 0.0888, 2.3613},
                "MENTAL_HEALTH", new double[] {0, 0, 0, 1.6113}, "OTHER", new double[] {0, 0, 0, 1.6113});
        assertEquals(7, json.getList("byAlternative").size(), "every alternative of the criteria set");
        places.forEach((code, expected) -> {
            Map<String, Object> row = row(json, "byAlternative", "code", code);
            assertEquals((int) expected[0], ((Number) row.get("patientDays")).intValue(), code);
            near(expected[0] / 20, row, "proportion");
            near(expected[1], row, "beds", "estimate");
            near(expected[2], row, "beds", "low");
            near(expected[3], row, "beds", "high");
        });
        assertEquals("Hospice", row(json, "byAlternative", "code", "HOSPICE").get("title"));

        Map<String, double[]> groups = Map.of("HOSPITAL_PROCESS", new double[] {2, 1.0, 0.2787, 3.0103},
                "COMMUNITY_CAPACITY", new double[] {4, 2.0, 0.8066, 4.1602}, "SOCIAL_CARE",
                new double[] {3, 1.5, 0.5237, 3.6042}, "PATIENT_FAMILY", new double[] {1, 0.5, 0.0888, 2.3613},
                "NO_SERVICE", new double[] {0, 0, 0, 1.6113});
        assertEquals(5, json.getList("byReasonGroup").size());
        groups.forEach((group, expected) -> {
            Map<String, Object> row = row(json, "byReasonGroup", "group", group);
            assertEquals((int) expected[0], ((Number) row.get("patientDays")).intValue(), group);
            near(expected[0] / 20, row, "proportion");
            near(expected[1], row, "beds", "estimate");
            near(expected[2], row, "beds", "low");
            near(expected[3], row, "beds", "high");
        });

        // the "as agreed" basis is the results' own
        JsonPath summary = as(audit.commissioner()).get("/api/audits/" + audit.id() + "/summary").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(summary.getInt("asAgreed.reviewed"), json.getInt("patientDays"));
        assertEquals(summary.getInt("asAgreed.notQualifying"), json.getInt("notQualifying"));
    }

    @Test
    void aTypedBedBaseAndAScenarioScaleAsWorked() {
        JsonPath json = brief("?beds=540&reasons=CC-HOME-CARE,CC-BED&reasons=SC-ASSESS");
        near(540.0, json, "bedBase");
        near(10.0, json, "meanReviewedPerDay");
        beds(json, "bedsOccupied", 216.0, 118.1555, 331.2460);
        beds(json, "annualBedDays", 78840.0, 43126.7675, 120904.7862);
        Map<String, Object> p1 = row(json, "byAlternative", "code", "P1");
        near(81.0, p1, "beds", "estimate");
        near(28.2791, p1, "beds", "low");
        near(194.6262, p1, "beds", "high");
        Map<String, Object> community = row(json, "byReasonGroup", "group", "COMMUNITY_CAPACITY");
        near(108.0, community, "beds", "estimate");
        near(43.5551, community, "beds", "low");
        near(224.6494, community, "beds", "high");

        assertEquals(List.of("CC-BED", "CC-HOME-CARE", "SC-ASSESS"), json.getList("scenario.reasons"));
        assertEquals(3, json.getInt("scenario.patientDays"));
        near(0.15, json, "scenario.proportion");
        beds(json, "scenario.beds", 81.0, 28.2791, 194.6262);
        beds(json, "scenario.annualBedDays", 29565.0, 10321.8798, 71038.5582);
    }

    @Test
    void unitCostsGiveTheYearlyCostsInHospitalAndInTheAlternatives() {
        Map<String, Object> costs = Map.of("currency", "GBP", "source", "Trust reference costs 2025/26",
                "acuteBedDay", 400, "alternatives", Map.of("P1", 60, "P2", 200, "P3", 120, "HOSPICE", 450));
        as(audit.lead()).body(costs).put("/api/audits/" + audit.id() + "/unit-costs").then().statusCode(200);

        JsonPath json = brief("");
        assertEquals("GBP", json.getString("costs.currency"));
        assertEquals("Trust reference costs 2025/26", json.getString("costs.source"));
        near(400.0, json, "costs.acuteBedDay");
        assertEquals(4, json.getList("costs.byAlternative").size(), "the alternatives that have a unit cost");
        Map<String, double[]> expected = Map.of("P1", new double[] {219000, 32850, 186150}, "P2",
                new double[] {146000, 73000, 73000}, "P3", new double[] {146000, 43800, 102200}, "HOSPICE",
                new double[] {73000, 82125, -9125});
        expected.forEach((code, figures) -> {
            Map<String, Object> row = row(json, "costs.byAlternative", "code", code);
            near(figures[0], row, "annualCostInHospital");
            near(figures[1], row, "annualCostInAlternative");
            near(figures[2], row, "difference");
        });
        near(584000, json, "costs.total.annualCostInHospital");
        near(231775, json, "costs.total.annualCostInAlternative");
        near(352225, json, "costs.total.difference");

        JsonPath typed = brief("?beds=540");
        near(219000 * 54, row(typed, "costs.byAlternative", "code", "P1"), "annualCostInHospital");
        near(31536000, typed, "costs.total.annualCostInHospital");
        near(12515850, typed, "costs.total.annualCostInAlternative");
        near(19020150, typed, "costs.total.difference");

        // a commissioner replaces them; the brief follows
        as(audit.commissioner()).body(Map.of("currency", "GBP", "source", "ICB tariff", "acuteBedDay", 500,
                "alternatives", Map.of("P1", 60))).put("/api/audits/" + audit.id() + "/unit-costs").then()
                .statusCode(200);
        JsonPath replaced = brief("");
        assertEquals("ICB tariff", replaced.getString("costs.source"));
        near(1.5 * 365 * 500, replaced, "costs.total.annualCostInHospital");
    }

    @Test
    void unitCostsNeedASourceAndAreTheLeadsOrACommissionersToEnter() {
        String path = "/api/audits/" + audit.id() + "/unit-costs";
        Map<String, Object> noSource = Map.of("currency", "GBP", "acuteBedDay", 400, "alternatives", Map.of("P1", 60));
        as(audit.lead()).body(noSource).put(path).then().statusCode(400).body("field", org.hamcrest.Matchers.is("source"));
        Map<String, Object> unknown = Map.of("currency", "GBP", "source", "Tariff", "acuteBedDay", 400,
                "alternatives", Map.of("SPA", 60));
        as(audit.lead()).body(unknown).put(path).then().statusCode(400)
                .body("field", org.hamcrest.Matchers.is("alternatives"))
                .body("detail", org.hamcrest.Matchers.containsString("SPA"));
        Map<String, Object> negative = Map.of("currency", "GBP", "source", "Tariff", "acuteBedDay", -1,
                "alternatives", Map.of());
        as(audit.lead()).body(negative).put(path).then().statusCode(400)
                .body("field", org.hamcrest.Matchers.is("acuteBedDay"));
        Map<String, Object> good = Map.of("currency", "GBP", "source", "Tariff", "acuteBedDay", 400,
                "alternatives", Map.of("P1", 60));
        as(audit.hospital()).body(good).put(path).then().statusCode(403);
        as(audit.chair()).body(good).put(path).then().statusCode(403);
        assertNull(brief("").get("costs"), "nothing refused was stored");
    }

    @Test
    void aScenarioNeverExceedsTheBedsNotQualifyingAndAnEmptyOneReleasesNothing() {
        List<String> reasons = Api.criteriaSet().getList("reasons.code");
        List<String> sets = new ArrayList<>(reasons);
        sets.add(String.join(",", reasons));
        sets.add("HP-TESTS,HP-THERAPY,CC-BED");
        for (String set : sets) {
            for (String beds : List.of("", "&beds=540")) {
                JsonPath json = brief("?reasons=" + set + beds);
                for (String figure : List.of("estimate", "low", "high")) {
                    double scenario = json.getDouble("scenario.beds." + figure);
                    double all = json.getDouble("bedsOccupied." + figure);
                    assertTrue(scenario <= all + 1e-9, set + beds + ": " + figure + " " + scenario + " > " + all);
                }
                assertTrue(json.getInt("scenario.patientDays") <= json.getInt("notQualifying"));
            }
        }
        // every reason: all the not-qualifying days that have a reason (the hospice day has none)
        assertEquals(7, brief("?reasons=" + String.join(",", reasons)).getInt("scenario.patientDays"));

        JsonPath empty = brief("?reasons=");
        assertEquals(List.of(), empty.getList("scenario.reasons"));
        assertEquals(0, empty.getInt("scenario.patientDays"));
        near(0, empty, "scenario.proportion");
        beds(empty, "scenario.beds", 0, 0, 0);
        beds(empty, "scenario.annualBedDays", 0, 0, 0);
    }

    @Test
    void anUnknownReasonOrABadBedBaseIsRefusedNamingIt() {
        String path = "/api/audits/" + audit.id() + "/commissioning-brief";
        as(audit.commissioner()).get(path + "?reasons=CC-BED,NOT-A-REASON").then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", org.hamcrest.Matchers.is("reasons"))
                .body("detail", org.hamcrest.Matchers.containsString("NOT-A-REASON"));
        for (String beds : List.of("abc", "0", "-5", "1e9")) {
            as(audit.commissioner()).get(path + "?beds=" + beds).then().statusCode(400)
                    .body("field", org.hamcrest.Matchers.is("beds"));
        }
    }

    @Test
    void aReviewerSeesTheBriefOfOpenedDaysOnlyAndAnOutsiderNothing() {
        JsonPath reviewer = as(audit.hospital()).get("/api/audits/" + audit.id() + "/commissioning-brief").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(0, reviewer.getInt("patientDays"), "no debrief opened yet: a reviewer sees no day");
        assertTrue(reviewer.getBoolean("openedDaysOnly"));
        assertNull(reviewer.get("proportion"), "no proportion of nothing");
        String outsider = Api.user("outsider", "HOSPITAL", "REVIEWER");
        as(outsider).get("/api/audits/" + audit.id() + "/commissioning-brief").then().statusCode(404);
    }

    /** A fresh audit's disagreement is left apart until the chair decides it; the decision's place counts. */
    @Test
    void anUnresolvedDisagreementIsLeftApartUntilTheDebriefDecidesItAsInTheResults() {
        TestAudit other = TestAudit.create();
        List<String> cases = other.dayOfReviews(Api.day(3));
        String path = "/api/audits/" + other.id() + "/commissioning-brief";
        JsonPath before = new JsonPath(as(other.commissioner()).get(path).then().statusCode(200).extract().asString());
        JsonPath summary = as(other.commissioner()).get("/api/audits/" + other.id() + "/summary").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1, before.getInt("unresolved"));
        assertEquals(summary.getInt("asAgreed.unresolved"), before.getInt("unresolved"));
        assertEquals(summary.getInt("asAgreed.reviewed"), before.getInt("patientDays"));
        assertEquals(summary.getInt("asAgreed.notQualifying"), before.getInt("notQualifying"));
        assertEquals(1, before.getInt("auditDays"));

        as(other.chair()).post("/api/audits/" + other.id() + "/debriefs/2026-11-03/opening").then().statusCode(200);
        as(other.chair()).body(Map.of("caseId", cases.get(0), "outcome", "DOES_NOT_QUALIFY", "alternative", "P2",
                "reason", "Agreed at the debrief")).post("/api/audits/" + other.id() + "/debriefs/2026-11-03/decisions")
                .then().statusCode(201);
        JsonPath after = new JsonPath(as(other.commissioner()).get(path).then().statusCode(200).extract().asString());
        assertEquals(0, after.getInt("unresolved"));
        assertEquals(4, after.getInt("patientDays"));
        assertEquals(3, after.getInt("notQualifying"));
        assertEquals(1, ((Number) row(after, "byAlternative", "code", "P2").get("patientDays")).intValue(),
                "the decision's place");
        JsonPath agreed = as(other.commissioner()).get("/api/audits/" + other.id() + "/summary").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(agreed.getInt("asAgreed.reviewed"), after.getInt("patientDays"));
        assertEquals(agreed.getInt("asAgreed.notQualifying"), after.getInt("notQualifying"));
    }

    /** The page refuses the same bed base with the message beside the field and the value kept. */
    @Test
    void thePageGivesABadBedBaseBackBesideItsField() {
        org.bestplace.Pages.Session session = org.bestplace.Pages.signIn(audit.commissioner(), Api.PASSWORD);
        String page = session.request().accept("text/html").get("/audits/" + audit.id() + "/brief?beds=lots&reasons=CC-BED")
                .then().statusCode(400).extract().asString();
        assertTrue(page.contains("id=\"beds-error\""), page);
        assertTrue(page.contains("value=\"lots\""), "the bed base as typed");
        assertTrue(page.contains("id=\"reason-CC-BED\" name=\"reasons\" value=\"CC-BED\" checked"), "the tick kept");
        String unknown = session.request().accept("text/html").get("/audits/" + audit.id() + "/brief?reasons=NOPE")
                .then().statusCode(400).extract().asString();
        assertTrue(unknown.contains("id=\"reasons-error\"") && unknown.contains("NOPE"), unknown);
    }
}
