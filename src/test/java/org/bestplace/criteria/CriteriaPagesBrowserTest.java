package org.bestplace.criteria;

import static org.bestplace.Api.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Axe;
import org.bestplace.Chromium;
import org.bestplace.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The criteria set pages in headless Chromium at desktop size, on sets each test uploads. */
@QuarkusTest
class CriteriaPagesBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    private static void noSeriousViolations(Page page, String what) {
        assertEquals(List.of(), Axe.seriousViolations(page), "axe on " + what);
    }

    private static List<String> apiSetIds() {
        return asAdmin().get("/api/criteria-sets").then().statusCode(200).extract().jsonPath().getList("id");
    }

    @Test
    void aFileWithThreeProblemsIsListedAtItsLinesAndNothingIsKept() throws Exception {
        String id = "three-" + UUID.randomUUID().toString().substring(0, 8);
        String yaml = """
                id: %s
                version: "1"
                title: Three problems
                groups:
                  - code: G1
                    title: Group one
                    criteria:
                      - code: C1
                        text: Needs oxygen
                      - code: c 2
                        text: Lower case and a space
                alternatives:
                  - code: HOME
                  - code: C1
                    title: Same code as a criterion
                reasons:
                  - code: R1
                    title: Awaiting tests
                    group: HOSPITAL_PROCESS
                """.formatted(id);
        Path file = Files.createTempFile("three-problems", ".yaml");
        Files.writeString(file, yaml);
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), "admin", TestDatabase.ADMIN_PASSWORD);
            page.click("a:text('Criteria sets')");
            page.waitForURL("**/criteria-sets");
            page.click("text=Upload a criteria file");
            page.waitForURL("**/criteria-sets/upload");
            noSeriousViolations(page, "the upload page");
            page.setInputFiles("#file", file);
            page.click("button:text('Check and upload')");
            page.waitForSelector("#upload-problems");
            List<String> listed = page.locator("#upload-problems li").allTextContents().stream().map(String::strip)
                    .toList();
            assertEquals(3, listed.size(), listed.toString());
            assertTrue(page.textContent("#upload-problems").contains("3 problems; nothing was kept"));
            // the same file through the API: the same problems, each with its line and column
            List<Map<String, Object>> problems = Api.uploadYaml("admin", yaml).statusCode(400).extract().jsonPath()
                    .getList("problems");
            List<String> fromApi = problems.stream().map(p -> "Line " + p.get("line") + ", column " + p.get("column")
                    + ": " + p.get("detail")).toList();
            assertEquals(fromApi, listed);
            assertEquals(List.of(10, 13, 14), problems.stream().map(p -> p.get("line")).toList(), listed.toString());
            // the file comes back numbered, the lines at fault marked, and in the box to correct and send again
            assertEquals(3, page.locator(".file-lines li.problem-line").count());
            assertTrue(page.locator("#line-13").textContent().contains("alternative 1 has no title"));
            assertEquals(yaml.strip(), page.inputValue("#yaml").strip());
            noSeriousViolations(page, "the upload page with problems");
            Chromium.screenshot(page, "criteria-upload-three-problems");
        }
        assertFalse(apiSetIds().contains(id), "a refused file is not kept");
    }

    /** The shipped set as its panel would amend it: one criterion reworded, one removed, an alternative added, a reason reworded. */
    static String newVersion(String version) throws Exception {
        String shipped = Files.readString(Path.of("criteria", "acute-adult-day-of-care.yaml"));
        String amended = shipped.replace("version: \"1.0\"", "version: \"" + version + "\"")
                .replace("  status: RATIFIED", "  status: DRAFT")
                .replace("Medical review at least three times in the last 24 hours",
                        "Medical review at least twice in the last 24 hours")
                .replace("title: \"Awaiting transport\"", "title: \"Awaiting patient transport\"")
                .replace("reasons:\n  - code: HP-TESTS", "  - code: VIRTUAL_WARD\n    title: \"Virtual ward\"\n"
                        + "    description: \"Acute care at home, monitored remotely by the hospital team.\"\n"
                        + "reasons:\n  - code: HP-TESTS");
        int med04 = amended.indexOf("      - code: MED-04");
        int next = amended.indexOf("  - code: NUR", med04);
        String result = amended.substring(0, med04) + amended.substring(next);
        assertFalse(result.equals(shipped));
        return result;
    }

    @Test
    void aNewVersionOfTheShippedSetIsComparedSignedByThreeSectorsUsedAndRetired() throws Exception {
        String version = "1.1-" + UUID.randomUUID().toString().substring(0, 6);
        String setLink = "/criteria-sets/" + Api.SET_ID + "/" + version;
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), "admin", TestDatabase.ADMIN_PASSWORD);
            page.navigate(base + "criteria-sets/upload");
            page.fill("#yaml", newVersion(version));
            page.click("button:text('Check and upload')");
            page.waitForURL("**" + setLink);
            assertTrue(page.textContent("main").contains("DRAFT"));
            assertEquals(4, page.locator("section.criteria-group").count(), "every group, as a reviewer reads it");
            assertTrue(page.textContent("main").contains("Medical review at least twice in the last 24 hours"));
            assertTrue(page.textContent("main").contains("Oxygen given continuously"), "guidance is shown");
            assertTrue(page.textContent("#waiting").contains("HOSPITAL, COMMUNITY, COMMISSIONER"));
            noSeriousViolations(page, "the set page");
            Chromium.screenshot(page, "criteria-set-draft");

            page.click("text=What changed from version 1.0");
            page.waitForURL("**" + setLink + "/difference?from=1.0");
            assertEquals("1 added, 1 removed, 2 reworded.", page.textContent("#counts").strip());
            Map<String, String> rows = new HashMap<>();
            for (var row : page.locator("#changes tbody tr").all()) {
                List<String> cells = row.locator("td").allTextContents();
                rows.put(cells.get(2).strip(), cells.get(0).strip() + " " + cells.get(1).strip());
            }
            assertEquals(Map.of("MED-03", "reworded criterion", "MED-04", "removed criterion",
                    "VIRTUAL_WARD", "added alternative", "HP-TRANSPORT", "reworded reason"), rows);
            noSeriousViolations(page, "the difference page");
            Chromium.screenshot(page, "criteria-difference");
        }

        List<String> sectors = List.of("HOSPITAL", "COMMUNITY", "COMMISSIONER");
        for (int i = 0; i < sectors.size(); i++) {
            String sector = sectors.get(i);
            String signatory = Api.user("sign-" + sector.toLowerCase(), sector, "REVIEWER");
            try (BrowserContext context = chromium.context(1280, 800)) {
                Page page = Chromium.signIn(context, base.toString(), signatory, Api.PASSWORD);
                page.navigate(base + "criteria-sets");
                page.click("#sets a[href='" + setLink + "']");
                page.waitForURL("**" + setLink);
                assertEquals(i, page.locator("#signed tbody tr").count(), "who has signed so far");
                // without the tick, nothing is signed and the page says why beside the box
                page.fill("#role", "Clinical lead, " + sector.toLowerCase());
                page.click("button:text('Sign for " + sector + "')");
                page.waitForSelector("#confirm-error");
                assertTrue(page.textContent("#confirm-error").contains("Tick the box"));
                assertEquals("Clinical lead, " + sector.toLowerCase(), page.inputValue("#role"));
                assertEquals(i, page.locator("#signed tbody tr").count(), "a refused sign-off signs nothing");
                if (i == 0) {
                    noSeriousViolations(page, "the set page with a refused sign-off");
                }
                page.check("#confirm");
                page.click("button:text('Sign for " + sector + "')");
                page.waitForURL("**" + setLink + "#sign-offs");
                assertEquals(i + 1, page.locator("#signed tbody tr").count());
                assertTrue(page.locator("#signed").textContent().contains("Clinical lead, " + sector.toLowerCase()));
                assertEquals(0, page.locator("#sign").count(), "a sector signs once");
                if (i == sectors.size() - 1) {
                    assertTrue(page.textContent("main").contains("RATIFIED"));
                    Chromium.screenshot(page, "criteria-set-ratified");
                }
            }
        }
        asAdmin().get("/api/criteria-sets").then().statusCode(200)
                .body("find { it.id == '" + Api.SET_ID + "' && it.version == '" + version + "' }.status",
                        org.hamcrest.Matchers.equalTo("RATIFIED"));

        Map<String, Object> audit = new HashMap<>(Api.auditBody("Audit on version " + version));
        audit.put("criteriaSet", Map.of("id", Api.SET_ID, "version", version));
        asAdmin().body(audit).post("/api/audits").then().statusCode(201);
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), Api.user("outsider", "HOSPITAL", "REVIEWER"),
                    Api.PASSWORD);
            page.navigate(base + setLink.substring(1));
            assertEquals("Used by: 1 audit you are not on.", page.textContent("#used-by").strip(),
                    "an audit one is not on is counted, not named");
        }

        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), "admin", TestDatabase.ADMIN_PASSWORD);
            page.navigate(base + "criteria-sets");
            assertTrue(page.locator("#sets").textContent().contains("Audit on version " + version),
                    "the list names the audits using each set");
            noSeriousViolations(page, "the criteria sets page");
            Chromium.screenshot(page, "criteria-sets");
            page.navigate(base + setLink.substring(1));
            page.click("button:text('Retire version " + version + "')");
            page.waitForSelector("#reason-error");
            assertTrue(page.textContent("#reason-error").contains("Give the reason"));
            assertTrue(page.textContent("main").contains("RATIFIED"), "not retired without a reason");
            page.fill("#reason", "Replaced after the winter review");
            page.click("button:text('Retire version " + version + "')");
            page.waitForSelector("#retired");
            assertTrue(page.textContent("#retired").contains("Replaced after the winter review"));
            Chromium.screenshot(page, "criteria-set-retired");
        }
        asAdmin().get("/api/activity?event=CRITERIA_RETIRED").then().statusCode(200)
                .body("detail", org.hamcrest.Matchers.hasItem("Retired criteria set " + Api.SET_ID + " " + version
                        + ": Replaced after the winter review"));
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithAMessage() throws Exception {
        Path file = Files.createTempFile("latin1", ".yaml");
        Files.write(file, "id: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), "admin", TestDatabase.ADMIN_PASSWORD);
            page.navigate(base + "criteria-sets/upload");
            page.setInputFiles("#file", file);
            page.click("button:text('Check and upload')");
            page.waitForSelector("#upload-problems");
            assertTrue(page.textContent("#upload-problems").contains("not text in UTF-8"));
        }
    }

    @Test
    void theSchemaIsServedToAnyoneAsKeptInTheProject() throws Exception {
        String served = io.restassured.RestAssured.given().get("/criteria-set.schema.json").then().statusCode(200)
                .contentType("application/schema+json").extract().asString();
        assertEquals(Files.readString(CriteriaSchemaTest.SCHEMA), served);
    }
}
