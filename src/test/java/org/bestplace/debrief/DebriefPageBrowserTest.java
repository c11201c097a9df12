package org.bestplace.debrief;

import static org.bestplace.Api.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bestplace.Api;
import org.bestplace.Chromium;
import org.bestplace.Db;
import org.bestplace.security.AdminBootstrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The chair's debrief of the demo audit, in real headless Chromium at projector size. */
@QuarkusTest
class DebriefPageBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void theChairSeesTheDaysHeadlineQueueAndChartsAndGetsTheMinutesAsPdf() throws Exception {
        String audit = Api.demoAudit();
        LocalDate day = LocalDate.now();
        var summary = asAdmin().get("/api/audits/" + audit + "/summary?date=" + day).then().statusCode(200)
                .extract().jsonPath();
        int reviewed = summary.getInt("reviewed");
        String percent = String.format(java.util.Locale.ROOT, "%.1f%%",
                100 * summary.getDouble("proportionNotQualifying"));
        assertTrue(reviewed > 0);

        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), "chair", AdminBootstrap.DEMO_PASSWORD);
            page.navigate(base + "audits/" + audit + "/debriefs/" + day);
            assertEquals(String.valueOf(reviewed), page.textContent("#reviewed").strip());
            assertEquals(percent, page.textContent("#not-qualifying").strip());
            assertEquals(3, page.locator("figure svg").count(), "three charts");
            assertTrue(page.locator("article.case").count() > 0, "the demo day has cases to discuss");
            Chromium.screenshot(page, "debrief");

            var pdf = page.request().get(base + "audits/" + audit + "/debriefs/" + day + "/minutes.pdf");
            assertEquals(200, pdf.status());
            assertEquals("application/pdf", pdf.headers().get("content-type"));
            String text;
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                text = new PDFTextStripper().getText(document);
            }
            assertTrue(text.contains("Daily debrief minutes: " + day), text);
            assertTrue(text.contains("Patients reviewed " + reviewed), text);
            assertTrue(text.contains(percent), text);

            page.navigate(base + "audits/" + audit + "/debriefs/" + day + "/minutes");
            Chromium.screenshot(page, "debrief-minutes");
        }
    }

    @Test
    void aDecisionWithoutAnOutcomeComesBackWithTheReasonKept() {
        String audit = Api.demoAudit();
        LocalDate day = LocalDate.now().minusDays(1);
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), "chair", AdminBootstrap.DEMO_PASSWORD);
            page.navigate(base + "audits/" + audit + "/debriefs/" + day);
            var firstCase = page.locator("article.case").first();
            firstCase.locator("textarea[name=reason]").fill("Discussed: awaiting the therapy view");
            firstCase.locator("button[type=submit]").click();
            page.waitForSelector(".error");
            assertTrue(page.textContent(".error").contains("Choose the agreed outcome"));
            assertEquals("Discussed: awaiting the therapy view",
                    page.locator("article.case textarea[name=reason]").first().inputValue());
            Chromium.screenshot(page, "debrief-decision-error");

            page.locator("article.case").first().locator("select[name=outcome]").selectOption("QUALIFIES");
            page.locator("article.case").first().locator("button[type=submit]").click();
            page.waitForSelector("article.case >> text=Decision:");
        }
    }

    @Test
    void pagesKeepTheSecondReviewBlind() throws Exception {
        String audit = Api.demoAudit();
        LocalDate today = LocalDate.now();
        long caseId = Db.number(dataSource, "select case_id from review"
                + " where audit_id = ? and review_date = ? group by case_id having count(*) = 1"
                + " and max(reviewer_sector) <> 'COMMISSIONER' order by case_id limit 1", Long.parseLong(audit), today);
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = Chromium.signIn(context, base.toString(), "reviewer-m1", AdminBootstrap.DEMO_PASSWORD);
            page.navigate(base + "audits/" + audit + "/cases/" + caseId + "/review?date=" + today);
            assertEquals(0, page.locator("input:checked").count(), "the first review's answers are not shown");
            assertEquals("", page.inputValue("#note"));
            var notOpened = page.navigate(base + "audits/" + audit + "/debriefs/" + today.plusDays(1));
            assertEquals(404, notOpened.status(), "a debrief the chair has not opened stays closed");
        }
    }

    @Test
    void signingOffMakesThePageReadOnly() {
        String audit = Api.demoAudit();
        LocalDate day = LocalDate.now().minusDays(2);
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), "chair", AdminBootstrap.DEMO_PASSWORD);
            page.navigate(base + "audits/" + audit + "/debriefs/" + day);
            page.fill("#attendees", "Dr Amira Okafor, HOSPITAL\nPriya Shah, COMMUNITY\nJo Whitfield, COMMISSIONER");
            page.fill("#notes", "Care home waits dominate Ward 12.");
            page.click("#record button[type=submit], form[action$=record] button");
            page.click("form[action$=sign-off] button");
            page.waitForSelector(".locked");
            assertEquals(0, page.locator("main form").count(), "no forms once signed off");
            assertTrue(page.textContent("main").contains("Priya Shah (COMMUNITY)"));
            Chromium.screenshot(page, "debrief-signed-off");
        }
    }
}
