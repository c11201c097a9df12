package org.bestplace.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bestplace.Api;
import org.bestplace.TestAudit;
import org.bestplace.statistics.CohenKappa;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/**
 * The team's agreement with the training references, pooled over the audit's reviewers in the
 * current round, in every export beside the agreement between reviewers.
 */
@QuarkusTest
class TrainingAgreementExportTest {

    static final String CASES = "/api/criteria-sets/" + Api.SET_ID + "/" + Api.SET_VERSION + "/training-cases";
    static final Map<String, Object> NOT_QUALIFYING = Map.of("criteriaMet", List.of(), "alternative", "P1",
            "reasons", List.of("HP-TESTS"));
    static final Map<String, Object> QUALIFIES = Map.of("criteriaMet", List.of("MED-01"));

    /** A new training case whose reference does, or does not, qualify; returns its id. */
    static String trainingCase(boolean referenceQualifies) {
        Map<String, Object> reference = referenceQualifies
                ? Map.of("criteriaMet", List.of("MED-01"), "reasons", List.of())
                : Map.of("criteriaMet", List.of(), "alternative", "P1", "reasons", List.of("HP-THERAPY"));
        return Api.asAdmin().body(Map.of("title", "Team agreement " + java.util.UUID.randomUUID(), "notes",
                "Day 4. Settled overnight, mobilising with a frame. Plan: review by therapy.", "reference", reference))
                .post(CASES).then().statusCode(201).extract().path("id");
    }

    /** The person answers a new case: reference and answer as qualifying (true) or not (false). */
    static void answer(String person, boolean referenceQualifies, boolean answerQualifies) {
        Api.as(person).body(answerQualifies ? QUALIFIES : NOT_QUALIFYING)
                .put(CASES + "/" + trainingCase(referenceQualifies) + "/answer").then().statusCode(201);
    }

    /**
     * Two reviewers, five cases each ("NQ" does not qualify, the positive rating; reference → answer):
     * <pre>
     *   hospital:  NQ→NQ  NQ→Q   Q→Q  Q→Q  Q→Q
     *   community: NQ→NQ  NQ→NQ  Q→NQ Q→Q  Q→Q
     * </pre>
     * Pooled, one pair per answer (10):
     * <pre>
     *                   reference NQ   reference Q   total
     *   answer NQ            3              1           4
     *   answer Q             1              5           6
     *   total                4              6          10
     * </pre>
     * agreement 8 / 10 = 0.80; chance 0.4 × 0.4 + 0.6 × 0.6 = 0.52; kappa (0.80 − 0.52) / 0.48 =
     * 0.5833; sensitivity 3 / 4 = 0.75; specificity 5 / 6 = 0.8333.
     * Hospital alone: a 1, b 0, c 1, d 3: agreement 0.8, chance 0.2 × 0.4 + 0.8 × 0.6 = 0.56, kappa
     * 0.24 / 0.44 = 0.5455, sensitivity 0.5, specificity 1.
     * Community alone: a 2, b 1, c 0, d 2: agreement 0.8, chance 0.6 × 0.4 + 0.4 × 0.6 = 0.48, kappa
     * 0.32 / 0.52 = 0.6154, sensitivity 1, specificity 2 / 3.
     * The lead's own practice answer (a wrong one) is not the team's: only reviewers count.
     */
    TestAudit workedExample() {
        TestAudit audit = TestAudit.create();
        answer(audit.hospital(), false, false);
        answer(audit.hospital(), false, true);
        answer(audit.hospital(), true, true);
        answer(audit.hospital(), true, true);
        answer(audit.hospital(), true, true);
        answer(audit.community(), false, false);
        answer(audit.community(), false, false);
        answer(audit.community(), true, false);
        answer(audit.community(), true, true);
        answer(audit.community(), true, true);
        answer(audit.lead(), true, false);
        return audit;
    }

    static Map<String, Object> row(JsonPath json, String sector) {
        Map<String, Object> row = json.getMap("tables.training_agreement.find { it.sector == '" + sector + "' }");
        assertTrue(row != null, "a training_agreement row for " + sector + ": " + json.prettify());
        return row;
    }

    static double number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }

    @Test
    void theExportsCarryThePooledAgreementWithTheReferenceWorkedByHand() throws Exception {
        TestAudit audit = workedExample();
        String export = "/api/audits/" + audit.id() + "/export?format=";
        for (String mode : List.of("internal", "publication")) {
            JsonPath json = Api.as(audit.lead()).get(export + "json&mode=" + mode).then().statusCode(200).extract()
                    .jsonPath();
            Map<String, Object> all = row(json, "all");
            assertEquals(1, ((Number) all.get("round")).intValue(), mode);
            assertEquals(2, ((Number) all.get("reviewers")).intValue(), mode);
            assertEquals(10, ((Number) all.get("answered")).intValue(), mode);
            assertEquals(8, ((Number) all.get("agreed")).intValue(), mode);
            assertEquals(0.8, number(all, "percent_agreement"), 1e-6, mode);
            assertEquals(0.5833, number(all, "kappa"), 1e-4, mode);
            CohenKappa.Result table = CohenKappa.of(3, 1, 1, 5);
            assertEquals(table.ci95().low(), number(all, "ci95_low"), 1e-6, mode);
            assertEquals(table.ci95().high(), number(all, "ci95_high"), 1e-6, mode);
            assertTrue(number(all, "ci95_low") < 0.5833 && number(all, "ci95_high") > 0.5833, mode);
            assertEquals(0.75, number(all, "sensitivity"), 1e-6, mode);
            assertEquals(0.8333, number(all, "specificity"), 1e-4, mode);

            Map<String, Object> hospital = row(json, "HOSPITAL");
            assertEquals(5, ((Number) hospital.get("answered")).intValue(), mode);
            assertEquals(0.5455, number(hospital, "kappa"), 1e-4, mode);
            assertEquals(0.5, number(hospital, "sensitivity"), 1e-6, mode);
            assertEquals(1.0, number(hospital, "specificity"), 1e-6, mode);
            Map<String, Object> community = row(json, "COMMUNITY");
            assertEquals(0.6154, number(community, "kappa"), 1e-4, mode);
            assertEquals(1.0, number(community, "sensitivity"), 1e-6, mode);
            assertEquals(0.6667, number(community, "specificity"), 1e-4, mode);
            // people are named in no export: the rows are the team and its sectors
            String text = json.prettify();
            for (String person : List.of(audit.hospital(), audit.community(), audit.lead())) {
                assertFalse(json.getString("tables.training_agreement").contains(person), mode + ": " + text);
            }
        }

        List<String> comments = new ArrayList<>();
        String csv = Api.as(audit.lead()).get(export + "csv&mode=publication").then().statusCode(200).extract()
                .asString();
        var tables = ExportApiTest.tables(csv, comments);
        Map<String, String> all = tables.get("training_agreement").stream().filter(r -> "all".equals(r.get("sector")))
                .findFirst().orElseThrow();
        assertEquals("10", all.get("answered"));
        assertEquals("0.8", all.get("percent_agreement"));
        assertEquals("0.583333", all.get("kappa"));
        assertEquals("0.75", all.get("sensitivity"));

        byte[] xlsx = Api.as(audit.lead()).get(export + "xlsx&mode=internal").then().statusCode(200).extract()
                .asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.findSheet("training_agreement").orElseThrow().read();
            Row first = rows.get(1);
            assertEquals("all", first.getCellText(0));
            List<String> header = new ArrayList<>();
            rows.get(0).forEach(c -> header.add(c.getText()));
            assertEquals(10, first.getCell(header.indexOf("answered")).asNumber().intValue());
            assertEquals(0.5833, first.getCell(header.indexOf("kappa")).asNumber().doubleValue(), 1e-4);
        }
    }

    @Test
    void aNewRoundStartsTheTeamsFiguresAfresh() {
        TestAudit audit = workedExample();
        Api.as(audit.lead()).post("/api/audits/" + audit.id() + "/training-rounds").then().statusCode(201);
        JsonPath json = Api.as(audit.hospital()).get("/api/audits/" + audit.id() + "/export?format=json").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> all = row(json, "all");
        assertEquals(2, ((Number) all.get("round")).intValue());
        assertEquals(0, ((Number) all.get("answered")).intValue());
        assertEquals("no training cases answered", all.get("kappa"));
    }
}
