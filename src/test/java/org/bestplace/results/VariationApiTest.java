package org.bestplace.results;

import static org.bestplace.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bestplace.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The p-chart and the ward funnel plot of an audit built by hand through the API: 50 patients, one
 * first review each, on ten days and three wards. Worked by hand:
 *
 * <pre>
 * p-chart: 50 patient-days, 10 not qualifying, centre 0.20; limits 0.2 ± 3 × 0.4/√n, clipped to [0, 1]:
 *   n = 4: [0, 0.8]   n = 5: [0, 0.736656]   n = 6: [0, 0.689898]   n = 10: [0, 0.579473]
 *  day     n  not q.  p     upper     signals
 *   3 Nov  4  4       1.00  0.8       OUTSIDE_LIMITS (above)
 *   4 Nov  4  0       0     0.8       RUN ┐
 *   5 Nov  6  0       0     0.689898  RUN │
 *   6 Nov  4  0       0     0.8       RUN │ seven days
 *   7 Nov  5  0       0     0.736656  RUN │ below the centre
 *   8 Nov  4  0       0     0.8       RUN │
 *   9 Nov  4  0       0     0.8       RUN │
 *  10 Nov  4  0       0     0.8       RUN ┘
 *  11 Nov  5  2       0.40  0.736656  (above)
 *  12 Nov 10  4       0.40  0.579473  (above; equal to the day before: no rise)
 *  ten days: trial limits.
 *
 * funnel by ward, overall 0.20, limits 0.2 ± z × 0.4/√n (z 1.959964, 3.090232), clipped to [0, 1]:
 *  ward    n   not q.  p       95% limits             99.8% limits          inside 95 / 99.8
 *  Ward A  36  2       0.0556  0.0693357 – 0.3306643  0 – 0.4060155         no / yes
 *  Ward B  10  4       0.40    0 – 0.4479180          0 – 0.5908869         yes / yes
 *           (95% low 0.2 − 0.2479180 = −0.0479 clipped)
 *  Ward C   4  4       1.00    0 – 0.5919928          0 – 0.8180464         no / no
 * Ward C is the first day's four; Ward B the last day's ten; Ward A everyone else.
 * </pre>
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VariationApiTest {

    static final long[][] DAYS = VariationAudit.DAYS;
    static final LocalDate FIRST = VariationAudit.FIRST;

    String audit;
    String chair;
    String commissioner;
    String reviewer;

    /** Built once for the class (the HTTP port is known only before each test). */
    @BeforeEach
    void handBuiltAudit() {
        if (audit != null) {
            return;
        }
        VariationAudit built = VariationAudit.create();
        audit = built.id();
        chair = built.chair();
        commissioner = built.commissioner();
        reviewer = built.reviewer();
    }

    static JsonPath json(String body) {
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    JsonPath get(String user, String path) {
        return json(as(user).get("/api/audits/" + audit + path).then().statusCode(200).extract().asString());
    }

    @Test
    void thePChartGivesTheCentreEveryDaysLimitsAndTheSignalsWorkedByHand() {
        JsonPath spc = get(commissioner, "/spc");
        assertEquals(0.2, spc.getDouble("centre"), 1e-9);
        assertTrue(spc.getBoolean("trialLimits"), "ten days");
        double[] upper = {0.8, 0.8, 0.689898, 0.8, 0.736656, 0.8, 0.8, 0.8, 0.736656, 0.579473};
        List<Map<String, Object>> points = spc.getList("points");
        assertEquals(10, points.size());
        for (int d = 0; d < 10; d++) {
            Map<String, Object> p = points.get(d);
            String day = FIRST.plusDays(d).toString();
            assertEquals(day, p.get("date"));
            assertEquals(DAYS[d][0], ((Number) p.get("n")).longValue(), day);
            assertEquals(DAYS[d][1], ((Number) p.get("notQualifying")).longValue(), day);
            assertEquals((double) DAYS[d][1] / DAYS[d][0], ((Number) p.get("proportion")).doubleValue(), 1e-9, day);
            assertEquals(0.0, ((Number) p.get("lower")).doubleValue(), 1e-9, day);
            assertEquals(upper[d], ((Number) p.get("upper")).doubleValue(), 0.0000005, day);
            List<String> expected = d == 0 ? List.of("OUTSIDE_LIMITS") : d <= 7 ? List.of("RUN") : List.of();
            assertEquals(expected, p.get("signals"), day);
        }
        assertEquals(List.of("above the upper limit, 3 Nov", "run of 7 days below the centre, 4 Nov to 10 Nov"),
                spc.getList("stretches.text"));
    }

    @Test
    void theWardFunnelGivesTheLimitsAtEachNAndThePointsOutsideWorkedByHand() {
        JsonPath funnel = get(commissioner, "/funnel?by=ward");
        assertEquals("ward", funnel.getString("by"));
        assertEquals(0.2, funnel.getDouble("overall"), 1e-9);
        assertEquals(List.of("Ward A", "Ward B", "Ward C"), funnel.getList("points.key"));
        assertEquals(List.of(36L, 10L, 4L), longs(funnel, "points.n"));
        assertEquals(List.of(2L, 4L, 4L), longs(funnel, "points.notQualifying"));
        assertEquals(List.of(false, true, false), funnel.getList("points.inside95"));
        assertEquals(List.of(true, true, false), funnel.getList("points.inside998"));
        limit(funnel, 36, 0.0693357, 0.3306643, 0, 0.4060155);
        limit(funnel, 10, 0, 0.4479180, 0, 0.5908869);
        limit(funnel, 4, 0, 0.5919928, 0, 0.8180464);
        List<Long> ns = longs(funnel, "limits.n");
        assertEquals(1L, ns.get(0));
        assertEquals(40L, ns.get(ns.size() - 1), "a tenth past the largest ward");
    }

    private static List<Long> longs(JsonPath json, String path) {
        return json.<Number>getList(path).stream().map(Number::longValue).toList();
    }

    private static void limit(JsonPath funnel, int n, double low95, double high95, double low998, double high998) {
        List<Map<String, Object>> limits = funnel.getList("limits");
        Map<String, Object> at = limits.stream().filter(l -> ((Number) l.get("n")).intValue() == n).findFirst()
                .orElseThrow(() -> new AssertionError("no limit at " + n));
        assertEquals(low95, ((Number) at.get("low95")).doubleValue(), 0.0000005, "low95 at " + n);
        assertEquals(high95, ((Number) at.get("high95")).doubleValue(), 0.0000005, "high95 at " + n);
        assertEquals(low998, ((Number) at.get("low998")).doubleValue(), 0.0000005, "low998 at " + n);
        assertEquals(high998, ((Number) at.get("high998")).doubleValue(), 0.0000005, "high998 at " + n);
    }

    @Test
    void bySpecialtyIsOnePointForOneSpecialtyAndWardIsTheDefault() {
        JsonPath specialty = get(commissioner, "/funnel?by=specialty");
        assertEquals("specialty", specialty.getString("by"));
        assertEquals(List.of("General medicine"), specialty.getList("points.key"));
        assertEquals(List.of(true), specialty.getList("points.inside95"));
        assertEquals("ward", get(commissioner, "/funnel").getString("by"));
    }

    @Test
    void anythingElseToCompareIsRefusedNamingBy() {
        for (String by : List.of("reviewer", "ward;drop", "%00")) {
            as(commissioner).get("/api/audits/" + audit + "/funnel?by=" + by).then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo("by"))
                    .body("detail", containsString("by=ward or by=specialty"));
        }
    }

    @Test
    void theSummarysRulesApplyOutsidersSeeNothingAndAReviewerOnlyOpenedDays() {
        String outsider = Api.user("outsider", "HOSPITAL", "REVIEWER");
        as(outsider).get("/api/audits/" + audit + "/spc").then().statusCode(404);
        as(outsider).get("/api/audits/" + audit + "/funnel").then().statusCode(404);
        as(chair).get("/api/audits/999999999/spc").then().statusCode(404);

        // While the audit collects, a reviewer's figures leave out days whose debrief has not opened.
        JsonPath before = get(reviewer, "/spc");
        assertEquals(List.of(), before.getList("points"));
        as(chair).post("/api/audits/" + audit + "/debriefs/" + FIRST + "/opening").then().statusCode(200);
        JsonPath opened = get(reviewer, "/spc");
        assertEquals(List.of(FIRST.toString()), opened.getList("points.date"));
        assertEquals(1.0, opened.getDouble("centre"), 1e-9);
        JsonPath funnel = get(reviewer, "/funnel?by=ward");
        assertEquals(List.of("Ward C"), funnel.getList("points.key"));
        JsonPath summary = get(reviewer, "/summary");
        assertEquals(summary.getDouble("reviewed"), funnel.getDouble("points[0].n"), "the same figures as the summary");
        // The chair, like the lead and commissioners, sees every day.
        assertEquals(10, get(chair, "/spc").getList("points").size());
    }
}
