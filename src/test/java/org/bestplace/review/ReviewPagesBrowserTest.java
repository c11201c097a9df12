package org.bestplace.review;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.bestplace.Api;
import org.bestplace.Chromium;
import org.bestplace.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A ward reviewer on a tablet (768×1024) in real headless Chromium. */
@QuarkusTest
class ReviewPagesBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    /** An audit running today, so the pages' "today" falls inside it. */
    String auditRunningToday() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        Map<String, Object> body = new HashMap<>(Api.auditBody("Tablet audit"));
        body.put("startDate", today.minusDays(3).toString());
        body.put("endDate", today.plusDays(3).toString());
        String audit = Api.asAdmin().body(body).post("/api/audits").then().statusCode(201).extract().path("id");
        Api.startCollecting(audit);
        return audit;
    }

    long reviewsOf(String audit, String outcome) throws Exception {
        return Db.number(dataSource, "select count(*) from review where audit_id = ? and outcome = ?"
                + " and submitted = true", Long.parseLong(audit), outcome);
    }

    String register(Page page, String specialty) {
        page.selectOption("#specialty", specialty);
        page.selectOption("#ageBand", "75-84");
        page.selectOption("#sex", "FEMALE");
        page.fill("#admissionDate", LocalDate.now(ZoneId.of("Europe/London")).minusDays(2).toString());
        page.click("form[action$='/cases'] button[type=submit]");
        page.waitForSelector(".notice");
        String notice = page.textContent(".notice");
        return notice.substring(notice.indexOf("case ") + 5, notice.length() - 1);
    }

    @Test
    void aReviewerRegistersAndScoresPatientsOnATablet() throws Exception {
        String audit = auditRunningToday();
        String reviewer = Api.reviewerOn(audit, "COMMUNITY");
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = Chromium.signIn(context, base.toString(), reviewer, Api.PASSWORD);
            Chromium.screenshot(page, "my-audits");
            page.click("text=Tablet audit");
            page.waitForSelector("h2:has-text('Today')");
            Chromium.screenshot(page, "audit-home");
            page.click("a:has-text('Ward A')");
            String first = register(page, "Respiratory");
            Chromium.screenshot(page, "ward");

            // qualifying: one criterion ticked, the live outcome says so and hides the alternatives
            page.click("tr:has-text('" + first + "') a:has-text('Review')");
            page.waitForSelector("#review-form");
            assertTrue(page.isVisible("#not-qualifying"), "with nothing ticked the patient does not qualify");
            page.check("input[name=criteriaMet] >> nth=0");
            assertEquals("Qualifies", page.textContent("#live-outcome").strip());
            assertFalse(page.isVisible("#not-qualifying"));
            Chromium.screenshot(page, "review-form");
            page.click("button[value=submit]");
            page.waitForSelector(".notice, h2:has-text('Patients on the ward')");
            assertEquals(1, reviewsOf(audit, "QUALIFIES"));

            // not qualifying, without an alternative: refused, with the ticks and note kept
            String second = register(page, "Care of older people");
            page.click("tr:has-text('" + second + "') a:has-text('Review')");
            page.waitForSelector("#review-form");
            page.check("input[name=reasons] >> nth=0");
            page.check("input[name=reasons] >> nth=1");
            page.fill("#note", "Waiting for a package of care since Monday");
            assertEquals("Does not qualify", page.textContent("#live-outcome").strip());
            page.click("button[value=submit]");
            page.waitForSelector("#alternative-error");
            assertTrue(page.textContent("#alternative-error").contains("alternative place"));
            assertTrue(page.isChecked("input[name=reasons] >> nth=0"));
            assertTrue(page.isChecked("input[name=reasons] >> nth=1"));
            assertEquals("Waiting for a package of care since Monday", page.inputValue("#note"));
            Chromium.screenshot(page, "review-form-error");
            assertEquals(0, reviewsOf(audit, "DOES_NOT_QUALIFY"));

            // then with the alternative: stored with its two reasons
            page.check("input[name=alternative] >> nth=1");
            page.click("button[value=submit]");
            page.waitForSelector("h2:has-text('Patients on the ward')");
            assertEquals(1, reviewsOf(audit, "DOES_NOT_QUALIFY"));
            assertEquals(2, Db.number(dataSource, "select count(*) from review_reason rr join review r"
                    + " on r.id = rr.review_id where r.audit_id = ?", Long.parseLong(audit)));
        }
    }

    @Test
    void theReviewFormWorksWithJavaScriptOff() throws Exception {
        String audit = auditRunningToday();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String caseId = Api.registerCase(audit, reviewer);
        try (BrowserContext context = chromium.browserWithoutScript()) {
            Page page = Chromium.signIn(context, base.toString(), reviewer, Api.PASSWORD);
            page.navigate(base + "audits/" + audit + "/cases/" + caseId + "/review?date="
                    + LocalDate.now(ZoneId.of("Europe/London")));
            assertTrue(page.isVisible("#not-qualifying"), "everything shows without script");
            page.check("input[name=alternative] >> nth=0");
            page.click("button[value=submit]");
            page.waitForSelector("h2:has-text('Patients on the ward')");
            assertEquals(1, reviewsOf(audit, "DOES_NOT_QUALIFY"));
        }
    }

    String reviewUrl(String audit, String caseId) {
        return base + "audits/" + audit + "/cases/" + caseId + "/review";
    }

    long reviewsInAudit(String audit) throws Exception {
        return Db.number(dataSource, "select count(*) from review where audit_id = ?", Long.parseLong(audit));
    }

    /** Signs in and waits until the service worker controls the pages. */
    Page signedInWithServiceWorker(BrowserContext context, String reviewer, String audit) {
        Page page = Chromium.signIn(context, base.toString(), reviewer, Api.PASSWORD);
        page.navigate(base + "audits/" + audit);
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)");
        page.reload();
        page.waitForFunction("() => navigator.serviceWorker.controller !== null");
        return page;
    }

    @Test
    void reviewsSubmittedOfflineLandOnceWhenTheConnectionReturns() throws Exception {
        String audit = auditRunningToday();
        String reviewer = Api.reviewerOn(audit, "COMMUNITY");
        java.util.List<String> cases = java.util.List.of(Api.registerCase(audit, reviewer),
                Api.registerCase(audit, reviewer), Api.registerCase(audit, reviewer));
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = signedInWithServiceWorker(context, reviewer, audit);
            for (String caseId : cases) {
                page.navigate(reviewUrl(audit, caseId));
            }
            context.setOffline(true);
            for (int kept = 1; kept <= cases.size(); kept++) {
                page.navigate(reviewUrl(audit, cases.get(kept - 1)));
                page.check("input[name=criteriaMet] >> nth=0");
                page.click("button[value=submit]");
                page.waitForFunction("() => document.getElementById('outbox-status').textContent.includes('Kept')");
                // The count follows the outbox once the review is stored in IndexedDB.
                page.waitForFunction("n => document.getElementById('outbox-count').textContent === String(n)", kept);
            }
            assertEquals("3", page.textContent("#outbox-count"));
            page.reload();
            page.waitForFunction("() => document.getElementById('outbox-count').textContent === '3'");
            Chromium.screenshot(page, "outbox-offline");
            assertEquals(0, reviewsInAudit(audit));

            context.setOffline(false);
            page.waitForFunction("() => document.getElementById('outbox-count').textContent === '0'");
            assertEquals(3, reviewsInAudit(audit), "each review lands exactly once");
            page.reload();
            assertFalse(page.isVisible("#outbox"), "the outbox is empty after a reload");
        }
    }

    @Test
    void aRetryAfterALostResponseStoresTheReviewOnce() throws Exception {
        String audit = auditRunningToday();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String caseId = Api.registerCase(audit, reviewer);
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = signedInWithServiceWorker(context, reviewer, audit);
            page.navigate(reviewUrl(audit, caseId));
            java.util.concurrent.atomic.AtomicInteger puts = new java.util.concurrent.atomic.AtomicInteger();
            page.route("**/reviews/**", route -> {
                if ("PUT".equals(route.request().method()) && puts.getAndIncrement() == 0) {
                    route.fetch();   // the server stores the review...
                    route.abort();   // ...and the answer is lost on the way back
                } else {
                    route.resume();
                }
            });
            page.check("input[name=criteriaMet] >> nth=0");
            page.click("button[value=submit]");
            page.waitForFunction("() => document.getElementById('outbox-count').textContent === '1'");
            assertEquals(1, reviewsInAudit(audit), "the first send reached the server");
            page.click("#outbox-send");
            page.waitForFunction("() => document.getElementById('outbox-count').textContent === '0'");
            assertEquals(2, puts.get());
            assertEquals(1, reviewsInAudit(audit), "the retry did not make a second review");
        }
    }

    @Test
    void aConflictStaysInTheOutboxWithTheServersMessage() throws Exception {
        String audit = auditRunningToday();
        String reviewer = Api.reviewerOn(audit, "COMMISSIONER");
        String caseId = Api.registerCase(audit, reviewer);
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = signedInWithServiceWorker(context, reviewer, audit);
            page.navigate(reviewUrl(audit, caseId));
            page.check("input[name=criteriaMet] >> nth=0");
            page.click("button[value=submit]");
            page.waitForSelector("h2:has-text('Patients on the ward')");

            page.navigate(reviewUrl(audit, caseId));
            page.uncheck("input[name=criteriaMet] >> nth=0");
            page.check("input[name=alternative] >> nth=0");
            page.click("button[value=submit]");
            page.waitForSelector("#outbox-items li[data-state=refused]");
            String item = page.textContent("#outbox-items li[data-state=refused]");
            assertTrue(item.contains("say why you changed it") && !item.contains("changeReason"), item);
            page.reload();
            page.waitForSelector("#outbox-items li[data-state=refused]");
            Chromium.screenshot(page, "outbox-conflict");
            assertEquals(1, reviewsInAudit(audit));
        }
    }

    long reviewsBy(String audit, String username, String sector) throws Exception {
        return Db.number(dataSource, "select count(*) from review r join app_user u on u.id = r.reviewer_id"
                + " where r.audit_id = ? and u.username = ? and r.reviewer_sector = ?", Long.parseLong(audit),
                username, sector);
    }

    /** Waits until the outbox has tried what it may send: nothing sending, the list drawn. */
    static void outboxSettled(Page page) {
        page.waitForFunction("() => document.getElementById('outbox').dataset.settled === 'true'");
    }

    @Test
    void aReviewKeptOfflineIsSentOnlyInItsAuthorsSession() throws Exception {
        String audit = auditRunningToday();
        String first = Api.reviewerOn(audit, "COMMUNITY");
        String colleague = Api.reviewerOn(audit, "HOSPITAL");
        String caseId = Api.registerCase(audit, first);
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = signedInWithServiceWorker(context, first, audit);
            page.navigate(reviewUrl(audit, caseId));
            context.setOffline(true);
            page.reload();
            page.check("input[name=criteriaMet] >> nth=0");
            page.click("button[value=submit]");
            page.waitForFunction("() => document.getElementById('outbox-count').textContent === '1'");
            page.close();

            // The first reviewer's session ends (the cookie goes); a colleague signs in on the same tablet.
            context.clearCookies();
            context.setOffline(false);
            Page other = Chromium.signIn(context, base.toString(), colleague, Api.PASSWORD);
            other.navigate(base + "audits/" + audit);
            other.waitForFunction("() => document.getElementById('outbox-count').textContent === '0'"
                    + " || document.getElementById('outbox-items').textContent.includes('to sign in')");
            assertEquals(0, reviewsInAudit(audit), "nothing is stored under the colleague");
            String item = other.textContent("#outbox-items li");
            assertTrue(item.contains("waiting for") && item.contains(first) && item.contains("to sign in"), item);
            Chromium.screenshot(other, "outbox-waiting-for-author");
            other.evaluate("() => { document.getElementById('outbox').dataset.settled = 'false'; }");
            other.click("#outbox-send");
            outboxSettled(other);
            assertEquals(0, reviewsInAudit(audit), "nothing is stored under the colleague");
            assertEquals("1", other.textContent("#outbox-count"));
            other.close();

            context.clearCookies();
            Page back = Chromium.signIn(context, base.toString(), first, Api.PASSWORD);
            back.navigate(base + "audits/" + audit);
            // The page may show an empty outbox before its script has sent anything: wait for the row.
            await().alias("stored under its author, in the author's sector").atMost(Duration.ofSeconds(20))
                    .until(() -> reviewsBy(audit, first, "COMMUNITY") == 1);
            back.waitForFunction("() => document.getElementById('outbox-count').textContent === '0'");
            assertEquals(1, reviewsInAudit(audit));
        }
    }

    String sessionCookie(BrowserContext context) {
        return context.cookies().stream().filter(c -> c.name.equals("quarkus-credential")).map(c -> c.value)
                .findFirst().orElse(null);
    }

    int statusWithCookie(String cookie) {
        return io.restassured.RestAssured.given().cookie("quarkus-credential", cookie).redirects().follow(false)
                .get("/").statusCode();
    }

    @Test
    void signingOutOfflineSignsOutOnTheTabletAtOnceAndAtTheServerWhenTheConnectionReturns() throws Exception {
        String audit = auditRunningToday();
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = signedInWithServiceWorker(context, reviewer, audit);
            String cookie = sessionCookie(context);
            assertEquals(200, statusWithCookie(cookie), "the session works before sign-out");
            context.setOffline(true);
            page.click("#sign-out");
            page.waitForSelector("h1:has-text('Signed out')");
            Chromium.screenshot(page, "signed-out-offline");
            // Any page of the audit, even one the tablet kept, now shows the signed-out page.
            page.navigate(base + "audits/" + audit);
            page.waitForSelector("h1:has-text('Signed out')");
            assertFalse(page.content().contains("Tablet audit"), "no page of the previous person is shown");

            context.setOffline(false);
            page.navigate(base + "audits/" + audit);
            page.waitForURL(url -> url.contains("/login"));
            page.waitForSelector("#j_username");
            assertTrue(statusWithCookie(cookie) != 200, "the old session no longer opens anything");
            assertEquals(null, sessionCookie(context), "the cookie is gone from the tablet");
        }
    }

    @Test
    void backAfterSignOutShowsNothingOfThePreviousPerson() throws Exception {
        String audit = auditRunningToday();
        String reviewer = Api.reviewerOn(audit, "COMMUNITY");
        String caseId = Api.registerCase(audit, reviewer);
        String note = "Waiting for a care home place, family visiting";
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = signedInWithServiceWorker(context, reviewer, audit);
            page.navigate(reviewUrl(audit, caseId));
            page.check("input[name=criteriaMet] >> nth=0");
            page.fill("#note", note);
            page.click("button[value=draft]");
            page.waitForSelector("h2:has-text('Patients on the ward')");
            com.microsoft.playwright.Response form = page.navigate(reviewUrl(audit, caseId));
            assertEquals(note, page.inputValue("#note"));
            assertEquals("no-store", form.headers().get("cache-control"), "a page with case data is never stored");
            assertEquals("no-store", page.navigate(base + "audits/" + audit).headers().get("cache-control"));
            page.navigate(reviewUrl(audit, caseId));

            page.click("#sign-out");
            page.waitForSelector("#j_username");
            assertEquals(0, page.locator("#sign-out").count(), "the sign-in page has no sign-out link");
            assertEquals(0, page.locator("#outbox").count(), "the sign-in page has no outbox");
            page.goBack();
            page.waitForLoadState();
            Chromium.screenshot(page, "back-after-sign-out");
            assertFalse(page.content().contains(note), "the previous person's note is not shown");
            assertEquals(0, page.locator("#review-form").count());
        }
    }
}
