package org.bestplace.commissioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bestplace.Api;
import org.bestplace.Axe;
import org.bestplace.Chromium;
import org.bestplace.TestAudit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The commissioning brief page at desktop size, its unit-costs form and its PDF. */
@QuarkusTest
class CommissioningBriefBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    @TestHTTPResource("/")
    URL base;

    static String beds(double value) {
        return String.format(Locale.UK, "%,.1f", value);
    }

    static String money(double value) {
        return String.format(Locale.UK, "%,.0f", value);
    }

    @Test
    void aCommissionerTypesABedBaseTicksAScenarioAndTheLeadEntersUnitCosts() throws Exception {
        TestAudit audit = TestAudit.create();
        for (int day = 3; day <= 5; day++) {
            audit.dayOfReviews(LocalDate.of(2026, 11, day));
        }
        JsonPath api = Api.as(audit.commissioner())
                .get("/api/audits/" + audit.id() + "/commissioning-brief?beds=540&reasons=HP-TESTS").then()
                .statusCode(200).extract().jsonPath().using(DOUBLES);
        String headline = beds(api.getDouble("bedsOccupied.estimate"));
        String interval = "95% CI " + beds(api.getDouble("bedsOccupied.low")) + " to "
                + beds(api.getDouble("bedsOccupied.high"));

        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), audit.commissioner(), Api.PASSWORD);
            page.navigate(base + "audits/" + audit.id());
            page.click("text=Commissioning brief");
            page.waitForURL("**/audits/" + audit.id() + "/brief");
            page.fill("#beds", "540");
            page.check("#reason-HP-TESTS");
            page.click("#show-brief");
            page.waitForURL(url -> url.contains("beds=540") && url.contains("reasons=HP-TESTS"));
            assertEquals(headline, page.textContent("#headline-beds").strip());
            assertEquals(interval, page.textContent("#headline-interval").strip());
            assertEquals("540", page.inputValue("#beds"), "the bed base stays typed in");
            assertTrue(page.isChecked("#reason-HP-TESTS"), "the scenario stays ticked");
            assertEquals(beds(api.getDouble("scenario.beds.estimate")), page.textContent("#scenario-beds").strip());
            assertTrue(page.textContent("#board-paper").contains("How many inpatients could be cared for elsewhere?"),
                    "the agreed question");
            assertTrue(page.textContent("#team").contains("COMMISSIONER"), "the team by sector");
            assertEquals(1, page.locator("#unit-costs-form").count(), "a commissioner may enter the unit costs");
            assertEquals(List.of(), Axe.seriousViolations(page));
            Chromium.screenshot(page, "commissioning-brief");

            // A delay group's finding goes to the action register's form, its reasons ticked.
            page.click("#brief-act a:has-text('Hospital process')");
            page.waitForSelector("#finding");
            assertTrue(page.inputValue("#finding").startsWith("Hospital process: "), page.inputValue("#finding"));
            assertTrue(page.isChecked("#reason-HP-TESTS"), "the group's reasons come ticked");
            Chromium.screenshot(page, "commissioning-brief-to-action");

            page.navigate(base + "audits/" + audit.id() + "/results");
            page.waitForSelector("#headline");
            assertEquals(1, page.locator("a[href='/audits/" + audit.id() + "/brief']").count(),
                    "the results page links to the brief");
        }

        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), audit.hospital(), Api.PASSWORD);
            page.navigate(base + "audits/" + audit.id() + "/brief");
            assertEquals(0, page.locator("#unit-costs-form").count(), "a reviewer does not price the brief");
            assertEquals(0, page.locator("#brief-act").count(), "a reviewer does not keep the action register");
        }

        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), audit.lead(), Api.PASSWORD);
            page.navigate(base + "audits/" + audit.id() + "/brief?beds=540&reasons=HP-TESTS");
            page.fill("#acuteBedDay", "400");
            page.fill("#cost-P1", "60");
            page.click("#save-unit-costs");
            assertTrue(page.textContent("#source-error").contains("source"), page.textContent("#source-error"));
            assertEquals("400", page.inputValue("#acuteBedDay"), "the values stay in the form");
            assertEquals("60", page.inputValue("#cost-P1"));
            assertEquals(List.of(), Axe.seriousViolations(page));

            page.fill("#source", "Trust reference costs 2025/26");
            page.click("#save-unit-costs");
            page.waitForSelector("#costs");
            assertTrue(page.url().contains("beds=540"), "back to the brief as it was read: " + page.url());
            JsonPath costed = Api.as(audit.lead())
                    .get("/api/audits/" + audit.id() + "/commissioning-brief?beds=540&reasons=HP-TESTS").then()
                    .statusCode(200).extract().jsonPath().using(DOUBLES);
            assertEquals("GBP " + money(costed.getDouble("costs.total.difference")),
                    page.textContent("#costs-difference").strip());
            assertTrue(page.textContent("#costs").contains("Trust reference costs 2025/26"), "the source is shown");
            assertEquals(List.of(), Axe.seriousViolations(page));
            Chromium.screenshot(page, "commissioning-brief-costs");

            var pdf = page.request().get(base + "audits/" + audit.id() + "/brief/paper.pdf?beds=540&reasons=HP-TESTS");
            assertEquals(200, pdf.status());
            assertEquals("application/pdf", pdf.headers().get("content-type"));
            String first;
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(true);
                stripper.setEndPage(1);
                first = stripper.getText(document).replaceAll("\\s+", " ");
            }
            int at = first.indexOf(headline + " beds");
            assertTrue(at >= 0, "the first page gives the headline beds: " + first);
            assertTrue(first.contains(interval), "and its interval: " + first);
            int question = first.indexOf("How many inpatients could be cared for elsewhere?");
            assertTrue(question > at, "the paper opens with the headline, then the agreed question: " + first);
        }
    }
}
