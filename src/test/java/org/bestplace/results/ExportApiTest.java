package org.bestplace.results;

import static io.restassured.RestAssured.given;
import static org.bestplace.Api.as;
import static org.bestplace.Api.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.bestplace.Api;
import org.bestplace.Db;
import org.bestplace.security.AdminBootstrap;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExportApiTest {

    @Inject
    DataSource dataSource;

    static RequestSpecification demo(String username) {
        return given().auth().preemptive().basic(username, AdminBootstrap.DEMO_PASSWORD);
    }

    /** Tables of a CSV export by name: each a list of rows keyed by the header. */
    static Map<String, List<Map<String, String>>> tables(String csv, List<String> comments) {
        assertTrue(csv.startsWith("\uFEFF"), "UTF-8 byte-order mark for Excel");
        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
        List<Map<String, String>> current = null;
        List<String> header = null;
        for (CsvRecord record : CsvReader.builder().commentStrategy(CommentStrategy.READ)
                .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(csv.substring(1))) {
            if (record.isComment()) {
                String comment = record.getField(0).strip();
                comments.add(comment);
                if (comment.startsWith("table: ")) {
                    current = new ArrayList<>();
                    tables.put(comment.substring(7), current);
                    header = null;
                }
            } else if (header == null) {
                header = record.getFields();
            } else {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), record.getField(i));
                }
                current.add(row);
            }
        }
        return tables;
    }

    static Map<String, String> measures(List<Map<String, String>> summary) {
        Map<String, String> values = new HashMap<>();
        summary.forEach(row -> values.put(row.get("measure"), row.get("value")));
        return values;
    }

    static Map<String, Map<String, String>> byKey(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> keyed = new HashMap<>();
        rows.forEach(row -> keyed.put(row.get("key"), row));
        return keyed;
    }

    @Test
    void internalCsvParsedBackMatchesTheSummaryAndItsCaseRows() throws Exception {
        String audit = Api.demoAudit();
        JsonPath summary = asAdmin().get("/api/audits/" + audit + "/summary").then().statusCode(200).extract()
                .jsonPath();
        var response = demo("commissioner").get("/api/audits/" + audit + "/export?format=csv&mode=internal").then()
                .statusCode(200).contentType("text/csv").header("Content-Disposition",
                        org.hamcrest.Matchers.containsString("attachment; filename=\"bestplace-audit-" + audit
                                + "-internal-"))
                .extract();
        List<String> comments = new ArrayList<>();
        var tables = tables(new String(response.asByteArray(), StandardCharsets.UTF_8), comments);
        assertTrue(comments.get(0).contains("Internal export"), comments.get(0));

        Map<String, String> figures = measures(tables.get("summary"));
        long reviewed = summary.getLong("reviewed");
        long notQualifying = summary.getLong("notQualifying");
        assertTrue(reviewed > 20, "the demo audit has reviews");
        assertEquals(reviewed, Long.parseLong(figures.get("reviewed")));
        assertEquals(notQualifying, Long.parseLong(figures.get("not_qualifying")));
        assertEquals(summary.getDouble("proportionNotQualifying"),
                Double.parseDouble(figures.get("proportion_not_qualifying")), 1e-6);
        assertEquals(summary.getDouble("ci95.low"), Double.parseDouble(figures.get("ci95_low")), 1e-6);
        assertEquals(summary.getLong("asAgreed.notQualifying"), Long.parseLong(figures.get("agreed_not_qualifying")));
        assertEquals(summary.getLong("overrides"), Long.parseLong(figures.get("overrides")));

        Map<String, Map<String, String>> wards = byKey(tables.get("by_ward"));
        List<Map<String, Object>> apiWards = summary.getList("byWard");
        assertEquals(apiWards.size(), wards.size());
        for (Map<String, Object> ward : apiWards) {
            Map<String, String> row = wards.get((String) ward.get("key"));
            assertEquals(String.valueOf(ward.get("reviewed")), row.get("reviewed"));
            assertEquals(String.valueOf(ward.get("notQualifying")), row.get("not_qualifying"));
        }
        assertEquals(summary.getList("byStayBand").size(), tables.get("by_stay_band").size());
        assertEquals(summary.getList("reasons").size(), tables.get("reasons").size());

        // Every figure traces to case rows: first reviews give "as reviewed", agreed outcomes "as agreed".
        List<Map<String, String>> cases = tables.get("cases");
        assertEquals(summary.getLong("reviews"), cases.size());
        List<Map<String, String>> first = cases.stream().filter(c -> "1".equals(c.get("review_number"))).toList();
        assertEquals(reviewed, first.size());
        assertEquals(notQualifying, first.stream().filter(c -> "DOES_NOT_QUALIFY".equals(c.get("outcome"))).count());
        assertEquals(summary.getLong("asAgreed.notQualifying"),
                first.stream().filter(c -> "DOES_NOT_QUALIFY".equals(c.get("agreed_outcome"))).count());
        assertEquals(summary.getLong("asAgreed.unresolved"),
                first.stream().filter(c -> "UNRESOLVED".equals(c.get("agreed_outcome"))).count());
        for (Map<String, String> wardRow : tables.get("by_ward")) {
            String ward = wardRow.get("key");
            assertEquals(Long.parseLong(wardRow.get("reviewed")),
                    first.stream().filter(c -> ward.equals(c.get("ward"))).count(), ward);
        }
        Map<String, String> row = cases.get(0);
        assertTrue(row.get("case_number").matches("[A-Z0-9-]+"), row.get("case_number"));
        LocalDate.parse(row.get("review_date"));
        assertTrue(summary.getList("byStayBand.key").contains(row.get("stay_band")), row.get("stay_band"));
        assertFalse(row.containsKey("note"), "free-text notes are not exported");
        assertFalse(row.keySet().stream().anyMatch(k -> k.contains("local")), "no local identifier column");
    }

    @Test
    void publicationCsvHasNoCaseRowsAndRoundsOrHidesEveryCount() {
        String audit = Api.demoAudit();
        JsonPath summary = asAdmin().get("/api/audits/" + audit + "/summary").then().extract().jsonPath();
        // The commissioner, not a reviewer: a reviewer's figures cover only days whose debrief has
        // opened, and this test opens none (it reads the demo audit without changing it).
        String csv = demo("commissioner").get("/api/audits/" + audit + "/export?format=csv&mode=publication")
                .then().statusCode(200).extract().asString();
        List<String> comments = new ArrayList<>();
        var tables = tables(csv, comments);
        assertTrue(comments.get(0).contains("counts from 1 to 7 are shown as *"), comments.get(0));
        assertFalse(tables.containsKey("cases"));
        Suppression rule = Suppression.publication(7);
        Map<String, String> figures = measures(tables.get("summary"));
        long reviewed = summary.getLong("reviewed");
        long notQualifying = summary.getLong("notQualifying");
        assertEquals(String.valueOf(rule.count(reviewed)), figures.get("reviewed"));
        assertEquals(String.valueOf(rule.count(notQualifying)), figures.get("not_qualifying"));
        assertEquals((double) rule.shown(notQualifying) / rule.shown(reviewed),
                Double.parseDouble(figures.get("proportion_not_qualifying")), 1e-6);
        for (String table : List.of("by_ward", "by_specialty", "by_sector", "by_stay_band", "by_age_band",
                "by_day")) {
            for (Map<String, String> row : tables.get(table)) {
                for (String column : List.of("reviewed", "not_qualifying")) {
                    String value = row.get(column);
                    assertTrue("*".equals(value) || Long.parseLong(value) % 5 == 0, table + " " + column + " " + value);
                }
            }
        }
        Map<String, Map<String, String>> wards = byKey(tables.get("by_ward"));
        for (Map<String, Object> ward : summary.<Map<String, Object>>getList("byWard")) {
            long count = ((Number) ward.get("reviewed")).longValue();
            String published = wards.get((String) ward.get("key")).get("reviewed");
            // Rounded with the other wards to add up to the total: its not qualifying and qualifying
            // counts each move less than 5, so the ward moves less than 10.
            if ("*".equals(rule.count(count))) {
                assertEquals("*", published, "a small ward is hidden");
            } else if (!"*".equals(published)) {
                assertTrue(Math.abs(Long.parseLong(published) - count) < 10, "ward " + count + " shown " + published);
            }
        }
    }

    @Test
    void xlsxReadBackMatchesTheSummaryWithTypedCellsAndFrozenHeaders() throws IOException {
        String audit = Api.demoAudit();
        JsonPath summary = asAdmin().get("/api/audits/" + audit + "/summary").then().extract().jsonPath();
        byte[] xlsx = demo("lead").get("/api/audits/" + audit + "/export?format=xlsx&mode=internal").then()
                .statusCode(200).contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .extract().asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> names = workbook.getSheets().map(Sheet::getName).toList();
            assertEquals(List.of("about", "dictionary", "summary", "by_day", "by_ward", "by_specialty", "by_sector",
                    "by_stay_band", "by_age_band", "alternatives", "reasons", "agreement", "training_agreement", "actions",
                    "commissioning_brief", "cases", "case_criteria", "case_reasons"), names);
            Map<String, Cell> measures = new HashMap<>();
            for (Row row : workbook.findSheet("summary").orElseThrow().read()) {
                measures.put(row.getCellText(0), row.getCell(1));
            }
            assertEquals(CellType.NUMBER, measures.get("reviewed").getType());
            assertEquals(summary.getLong("reviewed"), measures.get("reviewed").asNumber().longValue());
            assertEquals(summary.getLong("notQualifying"), measures.get("not_qualifying").asNumber().longValue());
            assertEquals(summary.getDouble("proportionNotQualifying"),
                    measures.get("proportion_not_qualifying").asNumber().doubleValue(), 1e-6);

            List<Row> wards = workbook.findSheet("by_ward").orElseThrow().read();
            assertEquals("key", wards.get(0).getCellText(0));
            for (Map<String, Object> ward : summary.<Map<String, Object>>getList("byWard")) {
                Row row = wards.stream().filter(r -> ward.get("key").equals(r.getCellText(0))).findFirst()
                        .orElseThrow();
                assertEquals(((Number) ward.get("reviewed")).longValue(), row.getCell(1).asNumber().longValue());
            }
            List<Row> cases = workbook.findSheet("cases").orElseThrow().read();
            assertEquals(summary.getLong("reviews") + 1, cases.size(), "header plus one row per review");
            Row firstCase = cases.get(1);
            assertNotNull(firstCase.getCell(1).asDate(), "review date is a date cell");
            assertEquals(CellType.NUMBER, firstCase.getCell(7).getType(), "review number is a number");
        }
        String sheet = zipEntry(xlsx, "xl/worksheets/sheet15.xml");
        assertTrue(sheet.contains("state=\"frozen\""), "header row frozen on the cases sheet");
    }

    /**
     * Readers that trust a sheet's declared range (openpyxl in read-only mode) see only what the
     * {@code <dimension>} element covers, so it must span the last column and row written.
     */
    @Test
    void everySheetDeclaresItsTrueRange() throws IOException {
        String audit = Api.demoAudit();
        byte[] xlsx = demo("lead").get("/api/audits/" + audit + "/export?format=xlsx&mode=internal").then()
                .statusCode(200).extract().asByteArray();
        java.util.regex.Pattern cell = java.util.regex.Pattern.compile("<c r=\"([A-Z]+)([0-9]+)\"");
        java.util.regex.Pattern dimension = java.util.regex.Pattern.compile("<dimension ref=\"([A-Z0-9:]+)\"/>");
        for (int n = 1; n <= 13; n++) {
            String sheet = zipEntry(xlsx, "xl/worksheets/sheet" + n + ".xml");
            String lastColumn = "A";
            int lastRow = 1;
            var cells = cell.matcher(sheet);
            while (cells.find()) {
                String column = cells.group(1);
                if (column.length() > lastColumn.length()
                        || column.length() == lastColumn.length() && column.compareTo(lastColumn) > 0) {
                    lastColumn = column;
                }
                lastRow = Math.max(lastRow, Integer.parseInt(cells.group(2)));
            }
            var declared = dimension.matcher(sheet);
            assertTrue(declared.find(), "sheet " + n + " declares a dimension");
            assertEquals("A1:" + lastColumn + lastRow, declared.group(1), "sheet " + n + "'s declared range");
            assertTrue(lastColumn.compareTo("A") > 0, "sheet " + n + " has more than one column");
        }
    }

    private static String zipEntry(byte[] zip, String name) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
        try {
            java.nio.file.Files.write(file, zip);
            try (ZipFile workbook = new ZipFile(file.toFile())) {
                ZipEntry entry = workbook.getEntry(name);
                assertNotNull(entry, name + " in the workbook");
                return new String(workbook.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void jsonExportCarriesTheSameFiguresTyped() {
        String audit = Api.demoAudit();
        JsonPath summary = asAdmin().get("/api/audits/" + audit + "/summary").then().extract().jsonPath();
        JsonPath json = demo("commissioner").get("/api/audits/" + audit + "/export?format=json&mode=internal").then()
                .statusCode(200).contentType("application/json").extract().jsonPath();
        Map<String, Object> reviewed = json.getMap("tables.summary.find { it.measure == 'reviewed' }");
        assertEquals(summary.getLong("reviewed"), ((Number) reviewed.get("value")).longValue());
        assertEquals(summary.getLong("reviews"), json.getList("tables.cases").size());
        assertTrue(json.getString("rule").startsWith("Internal export"));
    }

    @Test
    void internalExportIsRefusedToReviewersAndChairsAndBadChoicesAreNamed() {
        String audit = Api.demoAudit();
        for (String user : List.of("reviewer-h1", "chair")) {
            demo(user).get("/api/audits/" + audit + "/export?format=csv&mode=internal").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        demo("reviewer-h1").get("/api/audits/" + audit + "/measure-report").then().statusCode(403);
        demo("reviewer-h1").get("/api/audits/" + audit + "/export?format=pdf").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("format"));
        demo("commissioner").get("/api/audits/" + audit + "/export?mode=everything").then().statusCode(400)
                .body("field", equalTo("mode"));
        String outsider = Api.user("outsider", "COMMISSIONER", "COMMISSIONER");
        as(outsider).get("/api/audits/" + audit + "/export?mode=publication").then().statusCode(404);
    }

    @Test
    void everyExportIsLoggedAndTheLeadCanReadTheLog() throws Exception {
        String audit = Api.demoAudit();
        long before = Db.number(dataSource, "select count(*) from export_log where audit_id = ?", audit);
        demo("commissioner").get("/api/audits/" + audit + "/export?format=xlsx&mode=publication").then()
                .statusCode(200);
        demo("commissioner").get("/api/audits/" + audit + "/export?format=json&mode=internal").then()
                .statusCode(200);
        demo("lead").get("/api/audits/" + audit + "/measure-report").then().statusCode(200);
        demo("reviewer-h1").get("/api/audits/" + audit + "/export?format=csv&mode=internal").then()
                .statusCode(403);
        assertEquals(before + 3, Db.number(dataSource, "select count(*) from export_log where audit_id = ?", audit),
                "three exports made, the refused one not");
        List<Map<String, Object>> log = demo("lead").get("/api/audits/" + audit + "/exports").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertEquals(Map.of("username", "lead", "format", "FHIR", "mode", "INTERNAL"),
                Map.of("username", log.get(0).get("username"), "format", log.get(0).get("format"), "mode",
                        log.get(0).get("mode")));
        assertEquals("JSON", log.get(1).get("format"));
        assertEquals("PUBLICATION", log.get(2).get("mode"));
        assertNotNull(log.get(0).get("exportedAt"));
        demo("reviewer-h1").get("/api/audits/" + audit + "/exports").then().statusCode(403);
        demo("commissioner").get("/api/audits/" + audit + "/exports").then().statusCode(403);
    }
}
