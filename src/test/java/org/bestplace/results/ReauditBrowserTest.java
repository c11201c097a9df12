package org.bestplace.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.bestplace.Api;
import org.bestplace.Axe;
import org.bestplace.Chromium;
import org.bestplace.results.ReauditApiTest.Day;
import org.bestplace.web.TemplateExtensions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A re-audit's results page, brief and board paper show the change against the earlier audit, at desktop size. */
@QuarkusTest
class ReauditBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @Test
    void theResultsPageAndTheBriefShowTheChangeBesideTheEarlierAudit() {
        String reviewer = Api.user("reviewer", "HOSPITAL", "REVIEWER");
        String commissioner = Api.user("commissioner", "COMMISSIONER", "COMMISSIONER");
        List<Day> before = new ArrayList<>(ReauditApiTest.times(4, Day.not("Ward A", "P1", "HP-TESTS")));
        before.addAll(ReauditApiTest.times(6, Day.qualifying("Ward A")));
        String earlier = ReauditApiTest.audit(ReauditApiTest.body("Spring census", List.of("Ward A", "Ward B"), null),
                reviewer, commissioner, before);
        Api.as(commissioner).body(java.util.Map.of("title", "Tests reported the same day", "finding",
                "Patients wait for their tests", "reasonCodes", List.of("HP-TESTS"), "ownerSector", "HOSPITAL",
                "owner", "Pathology lead", "dueDate", "2026-12-15")).post("/api/audits/" + earlier + "/actions")
                .then().statusCode(201);
        List<Day> after = new ArrayList<>(ReauditApiTest.times(1, Day.not("Ward A", "P1", "HP-TESTS")));
        after.addAll(ReauditApiTest.times(9, Day.qualifying("Ward A")));
        String reaudit = ReauditApiTest.audit(ReauditApiTest.body("Autumn re-audit", List.of("Ward A"), earlier),
                Api.user("reviewer", "HOSPITAL", "REVIEWER"), commissioner, after);
        JsonPath comparison = Api.as(commissioner).get("/api/comparisons?a=" + reaudit + "&b=" + earlier).then()
                .statusCode(200).extract().jsonPath();
        // 1 of 10 against 4 of 10: -30.0% (95% CI -59.9% to 8.2%)
        String difference = TemplateExtensions.percentText(comparison.getDouble("difference"));
        String interval = TemplateExtensions.percentText(comparison.getDouble("ci95.low")) + " to "
                + TemplateExtensions.percentText(comparison.getDouble("ci95.high"));
        assertEquals("-30.0%", difference);

        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), commissioner, Api.PASSWORD);
            page.navigate(base + "audits/" + reaudit + "/results");
            page.waitForSelector("#reaudit");
            assertEquals(difference, page.textContent("#reaudit-difference-value").strip());
            assertEquals(interval, page.textContent("#reaudit-interval").strip());
            assertEquals("4 (40.0%)", page.textContent("#reaudit-before").strip());
            assertEquals("1 (10.0%)", page.textContent("#reaudit-after").strip());
            assertTrue(page.textContent("#reaudit-actions").contains("Tests reported the same day"));
            assertEquals(List.of(), Axe.seriousViolations(page));
            page.locator("#reaudit").scrollIntoViewIfNeeded();
            Chromium.screenshot(page, "reaudit-results");

            page.click("header.top a:has-text('Commissioning brief')");
            page.waitForURL("**/audits/" + reaudit + "/brief");
            assertEquals(difference, page.textContent("#reaudit-difference-value").strip());
            assertEquals(interval, page.textContent("#reaudit-interval").strip());
            String actions = page.textContent("#reaudit-actions");
            assertTrue(actions.contains("4 of 10 (40.0%)") && actions.contains("1 of 10 (10.0%)"),
                    "the action's reasons before and after: " + actions);
            assertEquals(List.of(), Axe.seriousViolations(page));
            page.locator("#reaudit").scrollIntoViewIfNeeded();
            Chromium.screenshot(page, "reaudit-brief");

            page.navigate(base + "audits/" + reaudit + "/brief/paper");
            assertEquals(difference, page.textContent("#reaudit-difference-value").strip());

            page.navigate(base + "comparisons?a=" + reaudit + "&b=" + earlier);
            page.waitForSelector("#by-ward");
            assertTrue(page.textContent("header.top").contains("Audits"), "the site's navigation");
            assertEquals(List.of(), Axe.seriousViolations(page));
            Chromium.screenshot(page, "comparison-breakdowns");
        }
    }
}
