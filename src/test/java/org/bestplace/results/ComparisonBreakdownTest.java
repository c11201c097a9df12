package org.bestplace.results;

import static org.bestplace.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bestplace.Api;
import org.bestplace.Pages;
import org.bestplace.results.ReauditApiTest.Day;
import org.junit.jupiter.api.Test;

/** Comparisons by ward, by alternative place and by reason, beside the headline; never an audit with itself. */
@QuarkusTest
class ComparisonBreakdownTest {

    /** The row of {@code list} whose key is {@code key}. */
    static Map<String, Object> row(JsonPath comparison, String list, String key) {
        List<Map<String, Object>> rows = comparison.getList(list);
        return rows.stream().filter(r -> key.equals(r.get("key"))).findFirst().orElseThrow(
                () -> new AssertionError("no row " + key + " in " + list + ": " + rows));
    }

    static double number(Map<String, Object> row, String path) {
        Object value = row;
        for (String part : path.split("\\.")) {
            value = ((Map<?, ?>) value).get(part);
        }
        return ((Number) value).doubleValue();
    }

    static void side(Map<String, Object> row, String side, long reviewed, long notQualifying) {
        assertEquals(reviewed, (long) number(row, side + ".reviewed"), row.toString());
        assertEquals(notQualifying, (long) number(row, side + ".notQualifying"), row.toString());
        assertEquals((double) notQualifying / reviewed, number(row, side + ".proportion"), 1e-12, row.toString());
    }

    static void difference(Map<String, Object> row, double difference, double low, double high) {
        assertEquals(difference, number(row, "difference"), 5e-5, row.toString());
        assertEquals(low, number(row, "ci95.low"), 5e-5, row.toString());
        assertEquals(high, number(row, "ci95.high"), 5e-5, row.toString());
    }

    @Test
    void twoAuditsAreComparedByWardPlaceAndReasonWorkedByHand() {
        String reviewer = Api.user("reviewer", "HOSPITAL", "REVIEWER");
        String commissioner = Api.user("commissioner", "COMMISSIONER", "COMMISSIONER");
        // A: Ward A 4 patient-days, 1 not qualifying (P1, tests); Ward B 6, 2 not qualifying
        //    (P3, care home; P1, tests and funding). 3 of 10 in all.
        List<Day> a = new ArrayList<>(List.of(Day.not("Ward A", "P1", "HP-TESTS")));
        a.addAll(ReauditApiTest.times(3, Day.qualifying("Ward A")));
        a.add(Day.not("Ward B", "P3", "SC-CARE-HOME"));
        a.add(Day.not("Ward B", "P1", "HP-TESTS", "SC-FUNDING"));
        a.addAll(ReauditApiTest.times(4, Day.qualifying("Ward B")));
        // B: Ward A 6 patient-days, none not qualifying; Ward B 4, 1 not qualifying (P3, care home). 1 of 10.
        List<Day> b = new ArrayList<>(ReauditApiTest.times(6, Day.qualifying("Ward A")));
        b.add(Day.not("Ward B", "P3", "SC-CARE-HOME"));
        b.addAll(ReauditApiTest.times(3, Day.qualifying("Ward B")));
        String first = ReauditApiTest.audit(ReauditApiTest.body("A", List.of("Ward A", "Ward B"), null), reviewer,
                commissioner, a);
        String second = ReauditApiTest.audit(ReauditApiTest.body("B", List.of("Ward A", "Ward B"), null), reviewer,
                commissioner, b);
        JsonPath c = as(commissioner).get("/api/comparisons?a=" + first + "&b=" + second).then().statusCode(200)
                .body("a.reviewed", equalTo(10)).body("a.notQualifying", equalTo(3))
                .body("b.reviewed", equalTo(10)).body("b.notQualifying", equalTo(1)).extract().jsonPath()
                .using(ReauditApiTest.DOUBLES);
        // Headline: 0.3 - 0.1 = 0.2000, Newcombe 95% CI -0.1598 to 0.5141.
        assertEquals(0.2, c.getDouble("difference"), 1e-9);
        assertEquals(-0.1598, c.getDouble("ci95.low"), 5e-5);
        assertEquals(0.5141, c.getDouble("ci95.high"), 5e-5);

        // By ward (each ward's settled patient-days and those not qualifying):
        //   Ward A  1/4 = 0.2500 against 0/6 = 0      difference 0.2500, 95% CI -0.1906 to 0.6994
        //   Ward B  2/6 = 0.3333 against 1/4 = 0.2500 difference 0.0833, 95% CI -0.4245 to 0.5031
        assertEquals(List.of("Ward A", "Ward B"), c.getList("byWard.key"));
        Map<String, Object> wardA = row(c, "byWard", "Ward A");
        side(wardA, "a", 4, 1);
        side(wardA, "b", 6, 0);
        difference(wardA, 0.25, -0.1906, 0.6994);
        Map<String, Object> wardB = row(c, "byWard", "Ward B");
        side(wardB, "a", 6, 2);
        side(wardB, "b", 4, 1);
        difference(wardB, 0.0833, -0.4245, 0.5031);

        // By alternative place (not-qualifying patient-days with that place, of all 10 settled):
        //   P1 2/10 against 0/10: 0.2000, 95% CI -0.1124 to 0.5098
        //   P3 1/10 against 1/10: 0.0000, 95% CI -0.3150 to 0.3150
        //   P0 (no patient-day) 0/10 against 0/10: 0.0000, 95% CI -0.2775 to 0.2775
        Map<String, Object> p1 = row(c, "byAlternative", "P1");
        side(p1, "a", 10, 2);
        side(p1, "b", 10, 0);
        difference(p1, 0.2, -0.1124, 0.5098);
        Map<String, Object> p3 = row(c, "byAlternative", "P3");
        side(p3, "a", 10, 1);
        side(p3, "b", 10, 1);
        difference(p3, 0, -0.3150, 0.3150);
        difference(row(c, "byAlternative", "P0"), 0, -0.2775, 0.2775);
        assertTrue(((String) row(c, "byAlternative", "P1").get("title")).length() > 2, "places carry their titles");

        // By reason (a patient-day counts under each of its reasons):
        //   HP-TESTS 2/10 against 0/10: 0.2000 (-0.1124 to 0.5098); SC-CARE-HOME 1/10 against 1/10: 0;
        //   SC-FUNDING 1/10 against 0/10.
        Map<String, Object> tests = row(c, "byReason", "HP-TESTS");
        side(tests, "a", 10, 2);
        side(tests, "b", 10, 0);
        difference(tests, 0.2, -0.1124, 0.5098);
        side(row(c, "byReason", "SC-CARE-HOME"), "b", 10, 1);
        difference(row(c, "byReason", "SC-CARE-HOME"), 0, -0.3150, 0.3150);
        side(row(c, "byReason", "SC-FUNDING"), "a", 10, 1);
        assertEquals(0, (long) number(row(c, "byReason", "SC-FUNDING"), "b.notQualifying"));

        // The page shows the same rows under the site's navigation.
        String page = Pages.signIn(commissioner, Api.PASSWORD).page("/comparisons?a=" + first + "&b=" + second);
        assertTrue(page.contains("<header class=\"top\"><a class=\"brand\" href=\"/\">Bestplace</a><a href=\"/audits\">"
                + "Audits</a>"), "the comparison page has the site's navigation");
        assertTrue(page.contains("id=\"by-ward\"") && page.contains("id=\"by-alternative\"")
                && page.contains("id=\"by-reason\""), "the three breakdowns are on the page");
        assertTrue(page.contains("<td>Ward A</td><td>1 of 4 (25.0%)</td><td>0 of 6 (0.0%)</td><td>25.0% (-19.1% to 69.9%)</td>"),
                page);
    }

    @Test
    void anAuditIsNeverComparedWithItself() {
        String reviewer = Api.user("reviewer", "HOSPITAL", "REVIEWER");
        String commissioner = Api.user("commissioner", "COMMISSIONER", "COMMISSIONER");
        String audit = ReauditApiTest.audit(ReauditApiTest.body("Self", List.of("Ward A"), null), reviewer,
                commissioner, List.of(Day.not("Ward A", "P1", "HP-TESTS"), Day.qualifying("Ward A")));
        as(commissioner).get("/api/comparisons?a=" + audit + "&b=" + audit).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("b"))
                .body("detail", containsString("cannot be compared with itself"));
        String page = Pages.signIn(commissioner, Api.PASSWORD).request().accept("text/html")
                .get("/comparisons?a=" + audit + "&b=" + audit).then().statusCode(400).extract().asString();
        assertTrue(page.contains("id=\"b-error\"") && page.contains("cannot be compared with itself"),
                "the message is beside the second audit's choice");
    }
}
