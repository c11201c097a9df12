package org.bestplace.results;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.bestplace.Api;
import org.bestplace.Db;
import org.bestplace.Pages;
import org.bestplace.TestAudit;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/**
 * Data for analysts: every export carries a dictionary; the CSV export comes as a Frictionless
 * data package that keeps the Table Schema rules; case rows carry titles and their lists are long
 * tables too; the workbook shows proportions as percentages and hidden counts as blank cells with a
 * flag; and each table answers on its own URL with HTTP Basic, for a BI tool's refresh.
 */
@QuarkusTest
class DataForAnalystsTest {

    @Inject
    DataSource dataSource;

    private static final String DAY = "2026-11-03";

    /**
     * Three patients on one day, written so that lists have more than one code: a first review
     * meeting two criteria, with a second review that disagrees giving two reasons; a patient not
     * qualifying with one reason; a patient qualifying by one criterion.
     */
    private static TestAudit auditWithLists() {
        TestAudit audit = TestAudit.create();
        String first = Api.registerCase(audit.id(), audit.hospital());
        review(audit, audit.hospital(), first, List.of("MED-01", "NUR-02"), null, List.of());
        review(audit, audit.community(), first, List.of(), "P1", List.of("HP-TESTS", "SC-ASSESS"));
        review(audit, audit.hospital(), Api.registerCase(audit.id(), audit.hospital()), List.of(), "P2",
                List.of("HP-TESTS"));
        review(audit, audit.hospital(), Api.registerCase(audit.id(), audit.hospital()), List.of("MED-01"), null,
                List.of());
        return audit;
    }

    private static void review(TestAudit audit, String reviewer, String caseId, List<String> criteria,
            String alternative, List<String> reasons) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("reviewDate", DAY);
        body.put("submitted", true);
        body.put("criteriaMet", criteria);
        body.put("reasons", reasons);
        if (alternative != null) {
            body.put("alternative", alternative);
        }
        Api.putReview(audit.id(), reviewer, UUID.randomUUID().toString(), body).statusCode(201);
    }

    private static byte[] dataPackage(String user, String audit, String mode) {
        return Api.as(user).get("/api/audits/" + audit + "/export?format=csv&package=true&mode=" + mode).then()
                .statusCode(200).contentType("application/zip")
                .header("Content-Disposition", containsString("-" + mode + "-"))
                .header("Content-Disposition", containsString(".zip\"")).extract().asByteArray();
    }

    @Test
    void theInternalDataPackageKeepsTheTableSchemaRulesAndItsDictionaryListsEveryCodeOfTheSet() throws Exception {
        TestAudit audit = auditWithLists();
        TableSchemaRules.Package pack = TableSchemaRules.read(dataPackage(audit.commissioner(), audit.id(),
                "internal"));
        assertEquals(List.of(), pack.breaches(), "Table Schema rules kept");
        List<String> resources = new ArrayList<>();
        pack.descriptor().path("resources").forEach(r -> resources.add(r.path("name").asText()));
        assertTrue(resources.containsAll(List.of("about", "dictionary", "summary", "by_ward", "alternatives",
                "reasons", "agreement", "training_agreement", "actions", "cases", "case_criteria", "case_reasons")),
                resources.toString());
        System.out.printf("data package: %d resources, %d case rows, %d dictionary rows%n", resources.size(),
                pack.table("cases").size(), pack.table("dictionary").size());

        // The dictionary lists every criterion, place and reason of the audit's set, with its title.
        JsonPath set = Api.criteriaSet();
        Map<String, String> criteria = new HashMap<>();
        for (Map<String, Object> group : set.<Map<String, Object>>getList("groups")) {
            for (Object c : (List<?>) group.get("criteria")) {
                Map<?, ?> criterion = (Map<?, ?>) c;
                criteria.put((String) criterion.get("code"), (String) criterion.get("text"));
            }
        }
        assertTrue(criteria.size() > 20, "the set's criteria: " + criteria.size());
        List<Map<String, String>> dictionary = pack.table("dictionary");
        assertEquals(criteria, codes(dictionary, "criterion"));
        assertEquals(set.<String>getList("alternatives.code").stream().collect(Collectors.toSet()),
                codes(dictionary, "alternative").keySet());
        assertEquals(set.<String>getList("reasons.code").stream().collect(Collectors.toSet()),
                codes(dictionary, "reason").keySet());
        assertEquals(Set.of("0-6", "7-13", "14-20", "21+"), codes(dictionary, "stay_band").keySet());
        assertEquals(Set.of("HOSPITAL", "COMMUNITY", "COMMISSIONER"), codes(dictionary, "sector").keySet());
        assertEquals(Set.of("QUALIFIES", "DOES_NOT_QUALIFY", "UNRESOLVED"), codes(dictionary, "agreed_outcome").keySet());
        assertTrue(codes(dictionary, "age_band").containsKey("85+"));
        // ... and every column of every table, with the type its schema gives and a meaning.
        for (JsonNode resource : pack.descriptor().path("resources")) {
            for (JsonNode field : resource.path("schema").path("fields")) {
                String table = resource.path("name").asText();
                String column = field.path("name").asText();
                Map<String, String> entry = dictionary.stream().filter(r -> "column".equals(r.get("entry"))
                        && table.equals(r.get("table")) && column.equals(r.get("column"))).findFirst().orElse(null);
                assertNotNull(entry, table + "." + column + " in the dictionary");
                assertEquals(field.path("type").asText(), entry.get("type"), table + "." + column);
                assertFalse(entry.get("meaning").isBlank(), table + "." + column + " has a meaning");
            }
        }
        JsonNode criterion = field(pack, "case_criteria", "criterion");
        assertEquals(criteria.size(), criterion.path("constraints").path("enum").size(), "criterion's enum");

        // Case rows carry each code's title beside it; their lists are long tables, one code a row.
        Map<String, String> places = new HashMap<>();
        set.<Map<String, String>>getList("alternatives").forEach(a -> places.put(a.get("code"), a.get("title")));
        List<Map<String, String>> cases = pack.table("cases");
        assertEquals(4, cases.size());
        List<String> header = pack.headers().get("cases");
        assertEquals(header.indexOf("alternative") + 1, header.indexOf("alternative_title"));
        assertEquals(header.indexOf("outcome") + 1, header.indexOf("outcome_title"));
        Map<List<String>, Set<String>> criteriaMet = longTable(pack.table("case_criteria"), "criterion");
        Map<List<String>, Set<String>> reasonsGiven = longTable(pack.table("case_reasons"), "reason");
        int listed = 0;
        for (Map<String, String> row : cases) {
            List<String> review = List.of(row.get("case_number"), row.get("review_date"), row.get("review_number"));
            assertEquals(list(row.get("criteria_met")), criteriaMet.getOrDefault(review, Set.of()), review.toString());
            assertEquals(list(row.get("reasons")), reasonsGiven.getOrDefault(review, Set.of()), review.toString());
            listed += list(row.get("criteria_met")).size() > 1 || list(row.get("reasons")).size() > 1 ? 1 : 0;
            assertEquals(row.get("alternative").isEmpty() ? "" : places.get(row.get("alternative")),
                    row.get("alternative_title"));
            assertFalse(row.get("outcome_title").isBlank());
        }
        assertEquals(2, listed, "two reviews gave more than one code");
        assertEquals(3, pack.table("case_criteria").size());
        assertEquals(3, pack.table("case_reasons").size());
        for (Map<String, String> row : pack.table("case_criteria")) {
            assertEquals(criteria.get(row.get("criterion")), row.get("criterion_title"));
        }
    }

    /** The demo audit (read, not changed) has every kind of row: overrides, second reviews, decisions, bands. */
    @Test
    void theDemoAuditsDataPackagesKeepTheRulesInBothModes() throws Exception {
        String audit = Api.demoAudit();
        for (String mode : List.of("internal", "publication")) {
            byte[] zip = ExportApiTest.demo("commissioner").get("/api/audits/" + audit
                    + "/export?format=csv&package=true&mode=" + mode).then().statusCode(200).extract().asByteArray();
            TableSchemaRules.Package pack = TableSchemaRules.read(zip);
            assertEquals(List.of(), pack.breaches(), mode + ": Table Schema rules kept");
            int rows = pack.rows().values().stream().mapToInt(List::size).sum();
            System.out.printf("demo audit, %s data package: %d resources, %d rows, %d bytes%n", mode,
                    pack.rows().size(), rows, zip.length);
            assertTrue(mode.equals("publication") || pack.table("cases").size() > 20);
        }
    }

    @Test
    void thePublicationDataPackageFlagsHiddenCountsBesideBlankCells() throws Exception {
        TestAudit audit = auditWithLists();
        // A reviewer's figures cover the days whose debrief has opened.
        Api.as(audit.chair()).post("/api/audits/" + audit.id() + "/debriefs/" + DAY + "/opening").then()
                .statusCode(200);
        TableSchemaRules.Package pack = TableSchemaRules.read(dataPackage(audit.hospital(), audit.id(),
                "publication"));
        assertEquals(List.of(), pack.breaches(), "Table Schema rules kept");
        assertNull(pack.table("cases"), "no case rows in publication");
        assertNull(pack.table("case_criteria"));
        Map<String, String> ward = pack.table("by_ward").stream().filter(r -> "Ward A".equals(r.get("key")))
                .findFirst().orElseThrow();
        assertEquals("", ward.get("reviewed"), "three patient-days are hidden: " + ward);
        assertEquals("yes", ward.get("reviewed_suppressed"));
        assertEquals("", ward.get("proportion"));
        assertEquals("yes", ward.get("proportion_suppressed"));
        Map<String, String> agreement = pack.table("agreement").get(0);
        assertEquals("", agreement.get("kappa"));
        assertEquals(ExportTables.WITHHELD, agreement.get("kappa_note"));
        assertTrue(pack.table("dictionary").stream().anyMatch(r -> "by_ward".equals(r.get("table"))
                && "reviewed_suppressed".equals(r.get("column")) && "boolean".equals(r.get("type"))));
    }

    @Test
    void everyFormatCarriesTheDictionary() {
        TestAudit audit = auditWithLists();
        String base = "/api/audits/" + audit.id() + "/export?mode=internal&format=";
        String csv = Api.as(audit.lead()).get(base + "csv").then().statusCode(200).extract().asString();
        var tables = ExportApiTest.tables(csv, new ArrayList<>());
        assertTrue(tables.containsKey("dictionary"));
        assertTrue(tables.get("dictionary").stream().anyMatch(r -> "MED-01".equals(r.get("code"))
                && "criterion".equals(r.get("code_list"))));
        // The CSV file keeps the lists and the words in its number columns, as before; the long tables come too.
        assertTrue(tables.containsKey("case_criteria") && tables.containsKey("case_reasons"));
        JsonPath json = Api.as(audit.lead()).get(base + "json").then().statusCode(200).extract().jsonPath();
        assertEquals("cases", json.getString("tables.dictionary.find { it.column == 'alternative_title' }.table"));
        assertEquals(3, json.getList("tables.case_criteria").size());
    }

    @Test
    void theWorkbookShowsProportionsAsPercentagesAndHiddenCountsAsBlankCellsWithAFlag() throws Exception {
        TestAudit audit = auditWithLists();
        String base = "/api/audits/" + audit.id() + "/export?format=xlsx&mode=";
        byte[] internal = Api.as(audit.commissioner()).get(base + "internal").then().statusCode(200).extract()
                .asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(internal),
                new ReadingOptions(true, false))) {
            Map<String, Cell> ward = row(workbook, "by_ward", "Ward A");
            assertEquals(CellType.NUMBER, ward.get("proportion").getType());
            assertEquals(1.0 / 3, ward.get("proportion").asNumber().doubleValue(), 1e-9);
            assertTrue(ward.get("proportion").getDataFormatString().contains("%"),
                    ward.get("proportion").getDataFormatString());
            assertTrue(ward.get("ci95_high").getDataFormatString().contains("%"));
            assertFalse(ward.containsKey("reviewed_suppressed"), "nothing hidden in an internal export");
            Map<String, Cell> summary = row(workbook, "summary", "proportion_not_qualifying");
            assertTrue(summary.get("value").getDataFormatString().contains("%"));
            Map<String, Cell> reviewed = row(workbook, "summary", "reviewed");
            assertEquals(3, reviewed.get("value").asNumber().intValue());
            assertFalse(String.valueOf(reviewed.get("value").getDataFormatString()).contains("%"), "a count");
            assertTrue(workbook.findSheet("dictionary").isPresent());
            assertTrue(workbook.findSheet("case_reasons").isPresent());
        }
        byte[] publication = Api.as(audit.commissioner()).get(base + "publication").then().statusCode(200).extract()
                .asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(publication),
                new ReadingOptions(true, false))) {
            Map<String, Cell> ward = row(workbook, "by_ward", "Ward A");
            for (String column : List.of("reviewed", "not_qualifying", "proportion")) {
                Cell cell = ward.get(column);
                assertTrue(cell == null || cell.getType() == CellType.EMPTY, column + " blank, not '*': " + cell);
                assertEquals("yes", ward.get(column + "_suppressed").getText(), column);
            }
            Map<String, Cell> reviewed = row(workbook, "summary", "reviewed");
            assertTrue(reviewed.get("value") == null || reviewed.get("value").getType() == CellType.EMPTY);
            assertEquals("yes", reviewed.get("value_suppressed").getText());
        }
    }

    @Test
    void aTableAnswersOnItsOwnUrlWithHttpBasicAsTheDataPackagesFile() throws Exception {
        TestAudit audit = auditWithLists();
        String url = "/api/audits/" + audit.id() + "/tables/by_ward.csv";
        // As a BI tool asks: no session, no CSRF token, Basic sent once the service asks for it.
        given().get(url + "?mode=internal").then().statusCode(401).header("WWW-Authenticate", containsString("Basic"));
        var answer = given().auth().basic(audit.commissioner(), Api.PASSWORD).get(url + "?mode=internal").then()
                .statusCode(200).contentType("text/csv").header("Content-Disposition", equalTo(
                        "attachment; filename=\"bestplace-audit-" + audit.id() + "-internal-by_ward.csv\""))
                .extract();
        String csv = new String(answer.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF"), "a byte-order mark, for Excel and Power Query");
        Map<String, byte[]> files = TableSchemaRules.unzip(dataPackage(audit.commissioner(), audit.id(), "internal"));
        assertEquals(new String(files.get("by_ward.csv"), StandardCharsets.UTF_8), csv.substring(1),
                "the same file as in the data package");
        String cases = given().auth().preemptive().basic(audit.lead(), Api.PASSWORD)
                .get("/api/audits/" + audit.id() + "/tables/cases.csv?mode=internal").then().statusCode(200).extract()
                .asString();
        assertEquals(new String(files.get("cases.csv"), StandardCharsets.UTF_8), cases.substring(1));
        String criteria = given().auth().preemptive().basic(audit.lead(), Api.PASSWORD)
                .get("/api/audits/" + audit.id() + "/tables/case_criteria.csv?mode=internal").then().statusCode(200)
                .extract().asString();
        assertEquals(4, criteria.split("\r\n").length, "header and three criteria met");
        assertEquals(3, Db.number(dataSource, "select count(*) from export_log where audit_id = ? and format = ?",
                audit.id(), "CSV-TABLE"), "each table fetched is in the export log, the unsigned request not");
    }

    @Test
    void aTableUrlKeepsTheExportsRightsAndNamesAnUnknownTable() {
        TestAudit audit = auditWithLists();
        Api.as(audit.chair()).post("/api/audits/" + audit.id() + "/debriefs/" + DAY + "/opening").then()
                .statusCode(200);
        String base = "/api/audits/" + audit.id() + "/tables/";
        // A reviewer may have the publication tables only.
        given().auth().basic(audit.hospital(), Api.PASSWORD).get(base + "by_ward.csv?mode=internal").then()
                .statusCode(403).contentType("application/problem+json");
        String published = given().auth().basic(audit.hospital(), Api.PASSWORD).get(base + "by_ward.csv").then()
                .statusCode(200).header("Content-Disposition", containsString("-publication-by_ward.csv"))
                .extract().asString();
        assertTrue(published.startsWith("\uFEFFkey,reviewed,reviewed_suppressed,not_qualifying,"), published);
        assertTrue(published.contains("Ward A,,yes,"), published);
        given().auth().basic(audit.hospital(), Api.PASSWORD).get(base + "cases.csv").then().statusCode(404)
                .contentType("application/problem+json").body("field", equalTo("table"))
                .body("detail", containsString("mode=internal"));
        given().auth().basic(audit.commissioner(), Api.PASSWORD).get(base + "by_bed.csv?mode=internal").then()
                .statusCode(404).body("detail", containsString("'by_bed'")).body("detail", containsString("by_ward"));
        given().auth().basic(audit.commissioner(), Api.PASSWORD).get(base + "by_ward.csv?mode=everything").then()
                .statusCode(400).body("field", equalTo("mode"));
        String outsider = Api.user("outsider", "COMMISSIONER", "COMMISSIONER");
        given().auth().basic(outsider, Api.PASSWORD).get(base + "by_ward.csv").then().statusCode(404);
        Api.as(audit.commissioner()).get("/api/audits/" + audit.id() + "/export?format=xlsx&package=true").then()
                .statusCode(400).body("field", equalTo("package"));
        Api.as(audit.commissioner()).get("/api/audits/" + audit.id() + "/export?package=maybe").then()
                .statusCode(400).body("field", equalTo("package"));
    }

    @Test
    void theResultsPageLinksTheDataPackageAndEachTablesAddress() {
        TestAudit audit = auditWithLists();
        Pages.Session session = Pages.signIn(audit.commissioner(), Api.PASSWORD);
        String page = given().cookie(Pages.SESSION_COOKIE, session.cookie()).get("/audits/" + audit.id() + "/results")
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("/audits/" + audit.id() + "/results/export?format=csv&amp;mode=internal&amp;package=true"));
        assertTrue(page.contains("/api/audits/" + audit.id() + "/tables/by_ward.csv?mode=publication</code>"), page);
        assertTrue(page.contains("/api/audits/" + audit.id() + "/tables/cases.csv?mode=internal</code>"));
        String file = given().cookie(Pages.SESSION_COOKIE, session.cookie())
                .get("/audits/" + audit.id() + "/results/tables/case_reasons.csv?mode=internal").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertTrue(file.startsWith("\uFEFFcase_number,review_date,review_number,reason,reason_title"), file);
        byte[] zip = given().cookie(Pages.SESSION_COOKIE, session.cookie())
                .get("/audits/" + audit.id() + "/results/export?format=csv&mode=publication&package=true").then()
                .statusCode(200).contentType("application/zip").extract().asByteArray();
        assertTrue(zip.length > 100);
    }

    private static Map<String, String> codes(List<Map<String, String>> dictionary, String list) {
        Map<String, String> codes = new HashMap<>();
        dictionary.stream().filter(r -> "code".equals(r.get("entry")) && list.equals(r.get("code_list")))
                .forEach(r -> codes.put(r.get("code"), r.get("title")));
        return codes;
    }

    private static JsonNode field(TableSchemaRules.Package pack, String table, String name) {
        for (JsonNode resource : pack.descriptor().path("resources")) {
            if (resource.path("name").asText().equals(table)) {
                for (JsonNode field : resource.path("schema").path("fields")) {
                    if (field.path("name").asText().equals(name)) {
                        return field;
                    }
                }
            }
        }
        throw new AssertionError(table + "." + name);
    }

    private static Map<List<String>, Set<String>> longTable(List<Map<String, String>> rows, String code) {
        Map<List<String>, Set<String>> codes = new HashMap<>();
        for (Map<String, String> row : rows) {
            codes.computeIfAbsent(List.of(row.get("case_number"), row.get("review_date"), row.get("review_number")),
                    k -> new TreeSet<>()).add(row.get(code));
        }
        return codes;
    }

    private static Set<String> list(String cell) {
        return cell == null || cell.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(cell.split(";")));
    }

    /** A sheet's row whose first cell is {@code key}, keyed by the header. */
    private static Map<String, Cell> row(ReadableWorkbook workbook, String sheet, String key) throws Exception {
        List<Row> rows = workbook.findSheet(sheet).orElseThrow().read();
        List<String> header = new ArrayList<>();
        rows.get(0).forEach(c -> header.add(c.getText()));
        Row row = rows.stream().filter(r -> key.equals(r.getCellText(0))).findFirst().orElseThrow(
                () -> new AssertionError(sheet + " has no row " + key));
        Map<String, Cell> cells = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            cells.put(header.get(i), row.getOptionalCell(i).orElse(null));
        }
        return cells;
    }
}
