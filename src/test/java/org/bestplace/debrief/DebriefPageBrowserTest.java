package org.bestplace.debrief;

import static org.bestplace.Api.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bestplace.Api;
import org.bestplace.Axe;
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

    /**
     * An audit kept in Sydney's time (23:00 there when the clock says noon in London), with a team
     * whose display names are not their usernames, and one case of {@link #TODAY} the two reviewers
     * disagree on: not qualifying, for a community bed and a therapy assessment, against qualifying.
     */
    record Team(String audit, String chair, String hospital, String community, String caseId) {

        static Team inSydney(MovableClock clock) {
            Map<String, Object> body = new HashMap<>(Api.auditBody("Sydney audit " + UUID.randomUUID()));
            body.put("timeZone", "Australia/Sydney");
            String audit = asAdmin().body(body).post("/api/audits").then().statusCode(201).extract().path("id");
            String chair = person("chair", "Dr Amira Okafor", "Northshire Hospitals", "HOSPITAL", "CHAIR");
            Api.member(audit, chair, "CHAIR", "HOSPITAL");
            String hospital = person("rev", "Tom Hughes", "Northshire Hospitals", "HOSPITAL", "REVIEWER");
            Api.member(audit, hospital, "REVIEWER", "HOSPITAL");
            String community = person("rev", "Priya Shah", "Northshire Community Health", "COMMUNITY", "REVIEWER");
            Api.member(audit, community, "REVIEWER", "COMMUNITY");
            Api.startCollecting(audit);
            String caseId = Api.registerCase(audit, hospital);
            Map<String, Object> first = new HashMap<>(Map.of("caseId", caseId, "reviewDate", TODAY.toString(),
                    "submitted", true, "criteriaMet", List.of(), "alternative", "P2", "reasons",
                    List.of("HP-THERAPY")));
            // The hospital review is the first: submitted half an hour before the other.
            clock.set(Instant.parse("2026-11-12T11:00:00Z"));
            Api.putReview(audit, hospital, UUID.randomUUID().toString(), first).statusCode(201);
            clock.set(Instant.parse("2026-11-12T11:30:00Z"));
            Api.putReview(audit, community, UUID.randomUUID().toString(), Map.of("caseId", caseId, "reviewDate",
                    TODAY.toString(), "submitted", true, "criteriaMet", List.of("MED-01"))).statusCode(201);
            clock.set(Instant.parse("2026-11-12T12:00:00Z"));
            return new Team(audit, chair, hospital, community, caseId);
        }

        static String person(String prefix, String displayName, String organisation, String sector, String role) {
            String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
            asAdmin().body(Map.of("username", username, "displayName", displayName, "organisation", organisation,
                    "sector", sector, "roles", List.of(role), "password", Api.PASSWORD)).post("/api/users").then()
                    .statusCode(201);
            return username;
        }

        String day() {
            return "audits/" + audit + "/debriefs/" + TODAY;
        }
    }

    static String pdfText(Page page, String url) throws Exception {
        var pdf = page.request().get(url);
        assertEquals(200, pdf.status());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document);
        }
    }

    /**
     * The decision form starts from the decision on record, reasons for delay included; the chair
     * changes it from there, and the page and minutes name the chair and give the time in the
     * audit's zone.
     */
    @Test
    void theDecisionFormStartsFromTheRecordedDecisionWithItsReasonsForDelay() throws Exception {
        Team team = Team.inSydney(clock);
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), team.chair(), Api.PASSWORD);
            page.setDefaultTimeout(5000);
            page.navigate(base + team.day());
            page.click("form[action$=opening] button");
            String c = team.caseId();
            page.selectOption("#outcome-" + c, "DOES_NOT_QUALIFY");
            page.selectOption("#alternative-" + c, "P2");
            page.check("#delay-" + c + "-HP-THERAPY");
            page.check("#delay-" + c + "-SC-CARE-HOME");
            page.fill("#reason-" + c, "Therapy to assess; then a step-down bed");
            page.click("#case-" + c + " form.decision button[type=submit]");
            page.waitForSelector("#case-" + c + " >> text=Decision:");

            String decision = page.textContent("#case-" + c + " .decided");
            assertTrue(decision.contains("reasons for delay: Awaiting therapy (physiotherapy or occupational therapy)"
                    + " assessment, Awaiting a care home place"), decision);
            assertTrue(decision.contains("Dr Amira Okafor, 12 Nov 2026 23:00"), "by display name, Sydney time: "
                    + decision);
            assertEquals("DOES_NOT_QUALIFY", page.inputValue("#outcome-" + c), "the form starts from the decision");
            assertEquals("P2", page.inputValue("#alternative-" + c));
            assertTrue(page.isChecked("#delay-" + c + "-HP-THERAPY"));
            assertTrue(page.isChecked("#delay-" + c + "-SC-CARE-HOME"));
            assertFalse(page.isChecked("#delay-" + c + "-HP-TESTS"));
            assertEquals("Therapy to assess; then a step-down bed", page.inputValue("#reason-" + c));
            assertFalse(page.textContent("main").contains(team.chair()), "no username on the page");
            Chromium.screenshot(page, "debrief-decision-prefilled");

            // A change from there: the care home is off the table.
            page.uncheck("#delay-" + c + "-SC-CARE-HOME");
            page.fill("#reason-" + c, "Therapy assessment first");
            page.click("#case-" + c + " form.decision button[type=submit]");
            page.waitForSelector("#case-" + c + " .decided:has-text('Therapy assessment first')");
            assertFalse(page.isChecked("#delay-" + c + "-SC-CARE-HOME"));
            assertEquals("P2", page.inputValue("#alternative-" + c), "kept from the decision");
            assertEquals(List.of(), Axe.seriousViolations(page), "debrief page with decision form");

            var history = Api.as(team.chair()).get("/api/" + team.day()).then().statusCode(200).extract().jsonPath();
            assertEquals(List.of("HP-THERAPY", "SC-CARE-HOME"), history.getList("decisions[0].history[0].delayReasons"));
            assertEquals(List.of("HP-THERAPY"), history.getList("decisions[0].history[1].delayReasons"));

            String text = pdfText(page, base + team.day() + "/minutes.pdf").replaceAll("\\s+", " ");
            assertTrue(text.contains("reasons for delay: Awaiting therapy (physiotherapy or occupational therapy)"
                    + " assessment"), text);
            assertTrue(text.contains("Dr Amira Okafor"), text);
            assertFalse(text.contains(team.chair()), "no username in the minutes: " + text);
        }
    }

    /**
     * Attendees are ticked from the team (name and sector shown) and others added with their
     * organisation; the page and minutes name everyone by display name, times in the audit's zone.
     * The charts' long labels are whole and inside the picture.
     */
    @Test
    void attendeesComeFromTheTeamAndOthersWithTheirOrganisation() throws Exception {
        Team team = Team.inSydney(clock);
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), team.chair(), Api.PASSWORD);
            page.setDefaultTimeout(5000);
            page.navigate(base + team.day());
            page.click("form[action$=opening] button");
            var team_ = page.locator("#team");
            assertTrue(team_.textContent().contains("Dr Amira Okafor"), team_.textContent());
            assertTrue(page.textContent("#team label:has-text('Priya Shah')").contains("COMMUNITY"));
            assertFalse(team_.textContent().contains(team.community()), "names, not usernames");
            page.check("#team label:has-text('Dr Amira Okafor')");
            page.check("#team label:has-text('Priya Shah')");
            page.fill("#attendees", "Sam Lee\nDr Ben Carter, Riverside GP practice");
            page.click("form[action$=record] button");
            page.waitForSelector("#attendees-error");
            assertTrue(page.textContent("#attendees-error").contains("'Sam Lee' has no organisation"),
                    page.textContent("#attendees-error"));
            assertEquals("attendees", (String) page.evaluate("() => document.activeElement.id"));
            assertTrue(page.isChecked("#team label:has-text('Priya Shah')"),
                    "the ticks are kept");
            page.fill("#attendees", "Sam Lee, Northshire social care\nDr Ben Carter, Riverside GP practice");
            page.click("form[action$=record] button");
            page.waitForURL("**#record");
            assertTrue(page.isChecked("#team label:has-text('Dr Amira Okafor')"));
            assertFalse(page.isChecked("#team label:has-text('Tom Hughes')"));
            assertEquals("Sam Lee, Northshire social care\nDr Ben Carter, Riverside GP practice",
                    page.inputValue("#attendees"));
            Chromium.screenshot(page, "debrief-attendees");

            // The charts: the therapy reason and the community bed are long; each is whole and inside its chart.
            String reasons = page.textContent("figure:has-text('Reasons still in hospital') svg").replaceAll("\\s+", " ");
            assertTrue(reasons.contains("Awaiting therapy (physiotherapy or occupational therapy) assessment"),
                    reasons);
            String places = page.textContent("figure:has-text('Best alternative place') svg").replaceAll("\\s+", " ");
            assertTrue(places.contains("Community bed with rehabilitation or recovery support (pathway 2)"), places);
            @SuppressWarnings("unchecked")
            List<String> outside = (List<String>) page.evaluate("() => [...document.querySelectorAll('figure svg')]"
                    + ".flatMap(svg => { const v = svg.viewBox.baseVal; return [...svg.querySelectorAll('text')]"
                    + ".filter(t => { const b = t.getBBox(); return b.x < v.x || b.y < v.y || b.x + b.width > v.x"
                    + " + v.width || b.y + b.height > v.y + v.height; }).map(t => t.textContent); })");
            assertEquals(List.of(), outside, "chart text outside its picture");

            page.check("#confirm");
            page.click("form[action$=sign-off] button");
            page.waitForSelector(".locked");
            String attended = page.textContent("#attended");
            assertTrue(attended.contains("Dr Amira Okafor (HOSPITAL, Northshire Hospitals)"), attended);
            assertTrue(attended.contains("Priya Shah (COMMUNITY, Northshire Community Health)"), attended);
            assertTrue(attended.contains("Sam Lee (Northshire social care)"), attended);
            assertTrue(attended.contains("Dr Ben Carter (Riverside GP practice)"), attended);
            assertTrue(page.textContent(".locked").contains("Signed off by Dr Amira Okafor at 12 Nov 2026 23:00"),
                    page.textContent(".locked"));
            assertFalse(page.textContent("main").contains(team.chair()), "no username on the page");
            Chromium.screenshot(page, "debrief-attendees-signed-off");

            page.navigate(base + team.day() + "/minutes");
            String minutes = page.textContent("body");
            assertTrue(minutes.contains("Signed off by Dr Amira Okafor at 12 Nov 2026 23:00"), minutes);
            assertTrue(page.textContent("table:has-text('Organisation')").contains("Riverside GP practice"));
            assertFalse(minutes.contains(team.chair()) || minutes.contains(team.community()), "no usernames");
            String text = pdfText(page, base + team.day() + "/minutes.pdf");
            assertTrue(text.contains("Northshire social care"), text);
            assertTrue(text.contains("Priya Shah"), text);
        }
    }

    static boolean inView(Page page, String selector) {
        return (Boolean) page.evaluate("s => { const r = document.querySelector(s).getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight; }", selector);
    }

    /**
     * A refused decision puts the chair at the field in error, scrolled to, with a short summary by
     * the button in the form's own words: no field names of the API, no ids.
     */
    @Test
    void aRefusedDecisionPutsTheChairAtTheFieldInError() {
        TestAudit audit = TestAudit.create();
        LocalDate day = TODAY.minusDays(3);
        audit.dayOfReviews(day);
        List<String> second = audit.dayOfReviews(day);
        String c = second.get(0);
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), audit.chair(), Api.PASSWORD);
            page.setDefaultTimeout(5000);
            page.navigate(base + "audits/" + audit.id() + "/debriefs/" + day);
            page.click("form[action$=opening] button");
            assertEquals(2, page.locator("article.case").count());

            // Not qualifying, with no place.
            page.selectOption("#outcome-" + c, "DOES_NOT_QUALIFY");
            page.fill("#reason-" + c, "Agreed at the debrief");
            page.click("#case-" + c + " form.decision button[type=submit]");
            page.waitForSelector("#decision-errors-" + c);
            assertEquals("alternative-" + c, page.evaluate("() => document.activeElement.id"));
            assertTrue(inView(page, "#alternative-" + c), "the field in error is in view");
            String summary = page.textContent("#decision-errors-" + c);
            assertTrue(summary.contains("Best alternative place"), summary);
            assertTrue(summary.contains("needs the best alternative place of care"), summary);
            assertTrue((Boolean) page.evaluate("id => document.getElementById(id).nextElementSibling"
                    + ".querySelector('button[type=submit]') !== null", "decision-errors-" + c),
                    "the summary is by the button");
            assertInPageWords(page, c);
            assertEquals("Agreed at the debrief", page.inputValue("#reason-" + c), "what was written is kept");
            assertEquals("DOES_NOT_QUALIFY", page.inputValue("#outcome-" + c));
            Chromium.screenshot(page, "debrief-decision-refused-place");

            // A qualifying patient with a reason for delay ticked.
            page.selectOption("#outcome-" + c, "QUALIFIES");
            page.check("#delay-" + c + "-HP-TESTS");
            page.click("#case-" + c + " form.decision button[type=submit]");
            page.waitForSelector("#delay-" + c + "-error");
            assertTrue(page.textContent("#decision-errors-" + c).contains("Reasons for delay"));
            assertEquals("delay-" + c + "-HP-TESTS", page.evaluate("() => document.activeElement.id"));
            assertTrue(inView(page, "#delay-" + c + "-HP-TESTS"), "the field in error is in view");
            assertTrue(page.isChecked("#delay-" + c + "-HP-TESTS"), "the tick is kept");
            assertInPageWords(page, c);

            // No reason.
            page.uncheck("#delay-" + c + "-HP-TESTS");
            page.fill("#reason-" + c, "");
            page.click("#case-" + c + " form.decision button[type=submit]");
            page.waitForSelector("#reason-" + c + "-error");
            assertTrue(page.textContent("#decision-errors-" + c).contains("Reason: Give the reason"),
                    page.textContent("#decision-errors-" + c));
            assertEquals("reason-" + c, page.evaluate("() => document.activeElement.id"));
            assertTrue(inView(page, "#reason-" + c), "the field in error is in view");
            assertInPageWords(page, c);
            Chromium.screenshot(page, "debrief-decision-refused-reason");
            assertEquals(List.of(), Axe.seriousViolations(page), "debrief page with a refused decision");
        }
    }

    static void assertInPageWords(Page page, String caseId) {
        String summary = page.textContent(".error-summary");
        for (String path : List.of("delayReasons", "caseId", "DOES_NOT_QUALIFY", "QUALIFIES", caseId)) {
            assertFalse(summary.contains(path), "the summary names " + path + ": " + summary);
        }
    }
}
