package org.bestplace.results;

import static io.restassured.RestAssured.given;
import static org.bestplace.Api.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Pages;
import org.bestplace.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Figures that cannot be estimated say so in the API, on the pages and in the exports: an interval
 * of kappa when one reviewer always gives the same answer, when agreement is perfect and for a
 * single pair; and a proportion of 0 of 0. No "−0.00" is printed anywhere.
 */
@QuarkusTest
class NotEstimableTest {

    static final String NOT_ESTIMABLE = "not estimable";
    static final String NO_PATIENT_DAYS = "no patient-days";
    String criterion;

    /** An audit whose only patient-days are the given pairs (hospital outcome, community outcome) on 3 Nov. */
    String auditWithPairs(boolean[]... pairs) {
        criterion = Api.firstCriterion();
        String audit = Api.collectingAudit();
        String hospital = Api.reviewerOn(audit, "HOSPITAL");
        String community = Api.reviewerOn(audit, "COMMUNITY");
        for (boolean[] pair : pairs) {
            String caseId = Api.registerCase(audit, hospital);
            Api.putReview(audit, hospital, UUID.randomUUID().toString(), Api.submittedReview(caseId, pair[0], criterion)).statusCode(201);
            Api.putReview(audit, community, UUID.randomUUID().toString(), Api.submittedReview(caseId, pair[1], criterion)).statusCode(201);
        }
        return audit;
    }


    static boolean[] pair(boolean hospitalQualifies, boolean communityQualifies) {
        return new boolean[] {hospitalQualifies, communityQualifies};
    }

    static String page(String path) {
        return Pages.signIn("admin", TestDatabase.ADMIN_PASSWORD).page(path);
    }

    static void noNegativeZero(String where, String text) {
        assertFalse(text.contains("-0.00") || text.contains("\u22120.00") || text.contains("-0.0%")
                || text.contains("\"-0.0") || text.contains(":-0.0"), where + " prints a negative zero");
    }

    static String export(String audit, String format) {
        return asAdmin().get("/api/audits/" + audit + "/export?format=" + format + "&mode=internal").then()
                .statusCode(200).extract().asString();
    }

    @Test
    void degenerateAgreementHasNoIntervalAnywhere() {
        String perfect = auditWithPairs(pair(false, false), pair(true, true));
        String oneSideConstant = auditWithPairs(pair(true, false), pair(true, true), pair(true, true));
        String single = auditWithPairs(pair(false, true));
        for (String audit : List.of(perfect, oneSideConstant, single)) {
            String body = asAdmin().get("/api/audits/" + audit + "/agreement").then().statusCode(200).extract()
                    .asString();
            JsonPath agreement = JsonPath.from(body);
            assertNull(agreement.get("ci95"), body);
            assertTrue(agreement.getString("ci95Reason").startsWith(NOT_ESTIMABLE), body);
            assertNull(agreement.get("bySectorPair[0].ci95"), body);
            assertTrue(agreement.getString("bySectorPair[0].ci95Reason").startsWith(NOT_ESTIMABLE), body);
            noNegativeZero("agreement API", body);

            String results = page("/audits/" + audit + "/results");
            assertTrue(results.contains(NOT_ESTIMABLE), "results page says the interval is not estimable");
            noNegativeZero("results page", results);
            for (String format : List.of("csv", "json")) {
                String exported = export(audit, format);
                noNegativeZero(format + " export", exported);
                assertTrue(exported.contains(NOT_ESTIMABLE), format + " export says not estimable");
            }
        }
        assertEquals(0.0, JsonPath.from(asAdmin().get("/api/audits/" + oneSideConstant + "/agreement").asString())
                .getDouble("kappa"));
        assertTrue(page("/audits/" + oneSideConstant + "/results").contains("kappa 0.00"));
    }

    @Test
    void noPatientDaysIsNoProportionAndNoIntervalEverywhere() {
        String audit = Api.collectingAudit();
        String body = asAdmin().get("/api/audits/" + audit + "/summary").then().statusCode(200).extract()
                .asString();
        JsonPath summary = JsonPath.from(body);
        assertEquals(0, summary.getInt("reviewed"));
        assertNull(summary.get("proportionNotQualifying"), body);
        assertNull(summary.get("ci95"), body);
        assertEquals(NO_PATIENT_DAYS, summary.getString("ci95Reason"), body);
        assertNull(summary.get("asAgreed.proportion"), body);
        assertNull(summary.get("asAgreed.ci95"), body);
        assertEquals(NO_PATIENT_DAYS, summary.getString("asAgreed.ci95Reason"), body);
        JsonPath agreement = asAdmin().get("/api/audits/" + audit + "/agreement").then().extract().jsonPath();
        assertNull(agreement.get("percentAgreement"));
        assertEquals(NO_PATIENT_DAYS, agreement.getString("ci95Reason"));

        String results = page("/audits/" + audit + "/results");
        assertTrue(results.contains(NO_PATIENT_DAYS), "results page");
        assertFalse(results.contains("0.0% of"), "no percentage of nothing on the results page");
        assertFalse(results.contains("0.0%"), "no percentage of nothing on the results page");
        asAdmin().post("/api/audits/" + audit + "/debriefs/2026-11-10/opening").then().statusCode(200);
        String debrief = page("/audits/" + audit + "/debriefs/2026-11-10");
        assertTrue(debrief.contains(NO_PATIENT_DAYS), "debrief page");
        assertFalse(debrief.contains("0.0%"), "no percentage of nothing on the debrief page");
        String minutes = page("/audits/" + audit + "/debriefs/2026-11-10/minutes");
        assertFalse(minutes.contains("0.0%"), "no percentage of nothing in the minutes");

        Map<String, List<Map<String, String>>> csv = ExportApiTest.tables(export(audit, "csv"),
                new java.util.ArrayList<>());
        Map<String, String> measures = new HashMap<>();
        csv.get("summary").forEach(row -> measures.put(row.get("measure"), row.get("value")));
        assertEquals(NO_PATIENT_DAYS, measures.get("proportion_not_qualifying"));
        assertEquals(NO_PATIENT_DAYS, measures.get("agreed_proportion_not_qualifying"));
        assertEquals(NO_PATIENT_DAYS, measures.get("ci95_low"));
        JsonPath json = JsonPath.from(export(audit, "json"));
        assertEquals(NO_PATIENT_DAYS, json.getString("tables.summary.find { it.measure == 'ci95_high' }.value"));
        assertEquals(NO_PATIENT_DAYS, json.getString("tables.agreement[0].percent_agreement"));

        String fhir = asAdmin().get("/api/audits/" + audit + "/measure-report").then().statusCode(200).extract()
                .asString();
        assertTrue(fhir.contains("data-absent-reason"), "the score says why it is absent: " + fhir);
        assertFalse(fhir.contains("\"value\": 0.0"), fhir);
    }
}
