package org.bestplace.debrief;

import static org.bestplace.Api.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bestplace.Api;
import org.bestplace.Chromium;
import org.bestplace.Db;
import org.bestplace.MovableClock;
import org.bestplace.TestAudit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chair's debrief in real headless Chromium at projector size. Each test makes its own audit
 * and team, and the service clock stands at noon on 12 November 2026, a day inside the audit.
 */
@QuarkusTest
class DebriefPageBrowserTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 12);

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @Inject
    MovableClock clock;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @BeforeEach
    void noonOnTheTwelfth() {
        clock.set(Instant.parse("2026-11-12T12:00:00Z"));
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void theChairSeesTheDaysHeadlineQueueAndChartsAndGetsTheMinutesAsPdf() throws Exception {
        TestAudit audit = TestAudit.create();
        audit.dayOfReviews(TODAY);
        var summary = asAdmin().get("/api/audits/" + audit.id() + "/summary?date=" + TODAY).then().statusCode(200)
                .extract().jsonPath();
        int reviewed = summary.getInt("reviewed");
        String percent = String.format(java.util.Locale.ROOT, "%.1f%%",
                100 * summary.getDouble("proportionNotQualifying"));
        assertEquals(4, reviewed);

        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), audit.chair(), Api.PASSWORD);
            page.navigate(base + "audits/" + audit.id());
            page.click("text=Today's debrief");
            page.waitForURL("**/audits/" + audit.id() + "/debriefs/" + TODAY);
            page.click("text=Open the debrief");
            page.waitForSelector("#queue");
            assertEquals(String.valueOf(reviewed), page.textContent("#reviewed").strip());
            assertEquals(percent, page.textContent("#not-qualifying").strip());
            assertEquals(3, page.locator("figure svg").count(), "three charts");
            assertEquals(1, page.locator("article.case").count(), "the disagreement is on the queue");
            Chromium.screenshot(page, "debrief");

            var pdf = page.request().get(base + "audits/" + audit.id() + "/debriefs/" + TODAY + "/minutes.pdf");
            assertEquals(200, pdf.status());
            assertEquals("application/pdf", pdf.headers().get("content-type"));
            String text;
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                text = new PDFTextStripper().getText(document);
            }
            assertTrue(text.contains("Daily debrief minutes: " + TODAY), text);
            assertTrue(text.contains("Patients reviewed " + reviewed), text);
            assertTrue(text.contains(percent), text);

            page.navigate(base + "audits/" + audit.id() + "/debriefs/" + TODAY + "/minutes");
            Chromium.screenshot(page, "debrief-minutes");
        }
    }

    /**
     * Looking at a day shows its figures and every audit day, and opens nothing: a reviewer who is
     * not of the pair still cannot read the first review. The chair's button opens it, and the
     * opening is in the activity log.
     */
    @Test
    void viewingADayDoesNotOpenItTheButtonDoesAndIsLogged() throws Exception {
        TestAudit audit = TestAudit.create();
        String caseId = Api.registerCase(audit.id(), audit.hospital());
        String firstReview = java.util.UUID.randomUUID().toString();
        Api.putReview(audit.id(), audit.hospital(), firstReview, java.util.Map.of("caseId", caseId, "reviewDate",
                TODAY.toString(), "submitted", true, "criteriaMet", java.util.List.of("MED-01"))).statusCode(201);
        String other = Api.reviewerOn(audit.id(), "COMMISSIONER");
        String review = "/api/audits/" + audit.id() + "/reviews/" + firstReview;
        Api.as(other).get(review).then().statusCode(404);
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), audit.chair(), Api.PASSWORD);
            page.navigate(base + "audits/" + audit.id() + "/debriefs/" + TODAY);
            assertEquals("1", page.textContent("#reviewed").strip(), "the day's figures are shown");
            assertEquals(30, page.locator(".day-strip li").count(), "every day of November's audit is listed");
            assertEquals(0, page.locator("#queue").count(), "no queue before the debrief is opened");
            Chromium.screenshot(page, "debrief-not-opened");
            Api.as(other).get(review).then().statusCode(404);
            assertEquals(0, Db.number(dataSource, "select count(*) from debrief where audit_id = ?", audit.id()));
            assertEquals(0, Db.number(dataSource, "select count(*) from activity_log where event = 'DEBRIEF_OPENED'"
                    + " and audit_id = ?", audit.id()));

            page.click("text=Open the debrief");
            page.waitForSelector("#queue");
            assertTrue(page.textContent(".day-strip [aria-current=page] + .muted").contains("held"));
            Chromium.screenshot(page, "debrief-opened");
            assertEquals(1, Db.activity(dataSource, "DEBRIEF_OPENED", audit.chair()));
            Api.as(other).get(review).then().statusCode(200);

            page.click(".day-strip a >> text=Tue 3 Nov");
            page.waitForURL("**/debriefs/2026-11-03");
            assertTrue(page.textContent(".day-strip [aria-current=page] + .muted").contains("not held"));
        }
    }

    /**
     * Sign-off names the day, lists what is undecided, warns on the day itself, and is refused
     * without the confirmation; an administrator reopens it from the page with a reason.
     */
    @Test
    void signOffNeedsTheConfirmationNamingTheDayAndAnAdministratorReopensOnThePage() {
        TestAudit audit = TestAudit.create();
        audit.dayOfReviews(TODAY);
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), audit.chair(), Api.PASSWORD);
            page.navigate(base + "audits/" + audit.id() + "/debriefs/" + TODAY);
            page.click("form[action$=opening] button");
            page.waitForSelector("#sign-off");
            String caseNumber = page.textContent("article.case h3").replace("Case", "").strip().split(" ")[0];
            assertTrue(page.textContent("#undecided").contains("case " + caseNumber), page.textContent("#undecided"));
            assertTrue(page.isVisible("#still-working"), "on the day itself reviewers may still be working");
            assertTrue(page.textContent("label[for=confirm]")
                    .contains("I confirm the debrief of Thursday 12 November 2026 is complete"));
            page.click("form[action$=sign-off] button");
            page.waitForSelector("#confirm-error");
            assertTrue(page.textContent("#confirm-error").contains("Tick the box"));
            assertEquals(0, page.locator(".locked").count(), "not signed off without the confirmation");
            Chromium.screenshot(page, "debrief-sign-off-unconfirmed");
            page.check("#confirm");
            page.click("form[action$=sign-off] button");
            page.waitForSelector(".locked");
        }
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), "admin", org.bestplace.TestDatabase.ADMIN_PASSWORD);
            page.navigate(base + "audits/" + audit.id() + "/debriefs/" + TODAY);
            page.click("#reopen button");
            page.waitForSelector("#reopen-reason-error");
            page.fill("#reopen-reason", "A missed case was found on Ward A");
            Chromium.screenshot(page, "debrief-reopen");
            page.click("#reopen button");
            page.waitForSelector("#sign-off");
            assertEquals(0, page.locator(".locked").count(), "the day is open again");
            assertTrue(page.textContent("main").contains("A missed case was found on Ward A"));
        }
    }

    @Test
    void aDecisionWithoutAnOutcomeComesBackWithTheReasonKept() {
        TestAudit audit = TestAudit.create();
        LocalDate day = TODAY.minusDays(1);
        audit.dayOfReviews(day);
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), audit.chair(), Api.PASSWORD);
            page.navigate(base + "audits/" + audit.id() + "/debriefs/" + day);
            page.click("form[action$=opening] button");
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
    void pagesKeepTheSecondReviewBlind() {
        TestAudit audit = TestAudit.create();
        String caseId = Api.registerCase(audit.id(), audit.hospital());
        audit.review(audit.hospital(), caseId, TODAY, false);
        String other = Api.reviewerOn(audit.id(), "COMMISSIONER");
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = Chromium.signIn(context, base.toString(), other, Api.PASSWORD);
            page.navigate(base + "audits/" + audit.id() + "/cases/" + caseId + "/review");
            assertTrue(page.textContent("main").contains("day of care " + TODAY), "today's form");
            assertEquals(0, page.locator("input:checked").count(), "the first review's answers are not shown");
            assertEquals("", page.inputValue("#note"));
            var notOpened = page.navigate(base + "audits/" + audit.id() + "/debriefs/" + TODAY);
            assertEquals(404, notOpened.status(), "a debrief the chair has not opened stays closed");
        }
    }

    @Test
    void signingOffMakesThePageReadOnly() {
        TestAudit audit = TestAudit.create();
        LocalDate day = TODAY.minusDays(2);
        audit.dayOfReviews(day);
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), audit.chair(), Api.PASSWORD);
            page.navigate(base + "audits/" + audit.id() + "/debriefs/" + day);
            page.click("form[action$=opening] button");
            page.fill("#attendees", "Dr Amira Okafor, HOSPITAL\nPriya Shah, COMMUNITY\nJo Whitfield, COMMISSIONER");
            page.fill("#notes", "Care home waits dominate Ward A.");
            page.click("#record button[type=submit], form[action$=record] button");
            page.check("#confirm");
            page.click("form[action$=sign-off] button");
            page.waitForSelector(".locked");
            assertEquals(0, page.locator("main form").count(), "no forms once signed off");
            assertTrue(page.textContent("main").contains("Priya Shah (COMMUNITY)"));
            assertTrue(page.textContent(".locked").contains("at 12 Nov 2026"), "signed off today, by the clock");
            Chromium.screenshot(page, "debrief-signed-off");
        }
    }
}
