package org.bestplace.commissioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bestplace.Api;
import org.bestplace.TestAudit;
import org.junit.jupiter.api.Test;

/** Every figure the brief shows is exported too: the {@code commissioning_brief} table. */
@QuarkusTest
class BriefExportTableTest {

    static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    static Map<String, Object> row(List<Map<String, Object>> rows, String figure, String code) {
        return rows.stream().filter(r -> figure.equals(r.get("figure")) && java.util.Objects.equals(code, r.get("code")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + figure + " " + code + " in " + rows));
    }

    static double number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }

    @Test
    void theBriefsFiguresAreInEveryExportWorkedFromThePublishedCountsInPublicationMode() {
        TestAudit audit = TestAudit.create();
        // Four days of four patients: each day 1 unresolved (its reviews disagree), 1 qualifying and
        // 2 not qualifying (P1, waiting for tests). Settled 12, not qualifying 8, over 4 audit days.
        for (int day = 3; day <= 6; day++) {
            audit.dayOfReviews(LocalDate.of(2026, 11, day));
        }
        Api.as(audit.lead()).body(Map.of("currency", "GBP", "source", "Trust reference costs", "acuteBedDay", 400,
                "alternatives", Map.of("P1", 60))).put("/api/audits/" + audit.id() + "/unit-costs").then()
                .statusCode(200);
        JsonPath brief = Api.as(audit.commissioner()).get("/api/audits/" + audit.id() + "/commissioning-brief")
                .then().statusCode(200).extract().jsonPath().using(DOUBLES);
        assertEquals(12, brief.getLong("patientDays"));
        assertEquals(8, brief.getLong("notQualifying"));

        List<Map<String, Object>> internal = Api.as(audit.commissioner())
                .get("/api/audits/" + audit.id() + "/export?format=json&mode=internal").then().statusCode(200)
                .extract().jsonPath().using(DOUBLES).getList("tables.commissioning_brief");
        // Worked: proportion 8/12 = 0.6667; bed base 12/4 = 3 patients a day; beds 0.6667 x 3 = 2.0,
        // bed-days a year 2.0 x 365 = 730; the interval's limits x 3 the same way.
        Map<String, Object> beds = row(internal, "beds_occupied", null);
        assertEquals(12, number(beds, "of_patient_days"));
        assertEquals(8, number(beds, "patient_days"));
        assertEquals(8.0 / 12, number(beds, "proportion"), 1e-12);
        assertEquals(2.0, number(beds, "estimate"), 1e-9);
        for (String limit : List.of("estimate", "low", "high")) {
            assertEquals(brief.getDouble("bedsOccupied." + limit), number(beds, limit), 1e-9, limit);
            assertEquals(brief.getDouble("annualBedDays." + limit),
                    number(row(internal, "annual_bed_days", null), limit), 1e-9, limit);
            assertEquals(brief.getDouble("byAlternative.find { it.code == 'P1' }.beds." + limit),
                    number(row(internal, "alternative", "P1"), limit), 1e-9, limit);
            assertEquals(brief.getDouble("byReasonGroup.find { it.group == 'HOSPITAL_PROCESS' }.beds." + limit),
                    number(row(internal, "reason_group", "HOSPITAL_PROCESS"), limit), 1e-9, limit);
        }
        assertEquals(730.0, number(row(internal, "annual_bed_days", null), "estimate"), 1e-9);
        assertEquals(3.0, number(row(internal, "bed_base", null), "estimate"), 1e-9);
        // Costs: 2.0 beds x 365 x (400 - 60) = 248,200 a year
        assertEquals(brief.getDouble("costs.total.difference"),
                number(row(internal, "annual_cost_difference", "total"), "estimate"), 1e-6);
        assertEquals(248_200, number(row(internal, "annual_cost_difference", "total"), "estimate"), 1e-6);

        List<Map<String, Object>> published = Api.as(audit.hospital())
                .get("/api/audits/" + audit.id() + "/export?format=json&mode=publication").then().statusCode(200)
                .extract().jsonPath().using(DOUBLES).getList("tables.commissioning_brief");
        // Published: 12 settled shows as 10 and 8 not qualifying as 10 (nearest 5); the figures follow
        // them: proportion 10/10 = 1, bed base 10/4 = 2.5, beds 2.5. No costs, which would give counts back.
        // While the audit collects, a reviewer's export covers only the days whose debrief opened: none yet.
        assertEquals(0, number(row(published, "patient_days", null), "patient_days"));
        Api.asAdmin().body(Map.of("status", "CLOSED")).post("/api/audits/" + audit.id() + "/status").then()
                .statusCode(200);
        published = Api.as(audit.hospital())
                .get("/api/audits/" + audit.id() + "/export?format=json&mode=publication").then().statusCode(200)
                .extract().jsonPath().using(DOUBLES).getList("tables.commissioning_brief");
        Map<String, Object> shown = row(published, "beds_occupied", null);
        assertEquals(10, number(shown, "of_patient_days"));
        assertEquals(10, number(shown, "patient_days"));
        assertEquals(1.0, number(shown, "proportion"), 1e-12);
        assertEquals(2.5, number(row(published, "bed_base", null), "estimate"), 1e-9);
        assertEquals(2.5, number(shown, "estimate"), 1e-9);
        assertEquals("*", row(published, "unresolved", null).get("patient_days"), "4 unresolved is a small count");
        assertFalse(published.stream().anyMatch(r -> String.valueOf(r.get("figure")).startsWith("annual_cost")),
                "no costs in a publication export");
    }
}
