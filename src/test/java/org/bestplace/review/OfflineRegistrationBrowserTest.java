package org.bestplace.review;

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
import java.util.List;
import org.bestplace.Axe;
import org.bestplace.Api;
import org.bestplace.Chromium;
import org.bestplace.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A ward reviewer on a tablet (768×1024) whose connection drops: a patient registered offline
 * waits in the outbox and can be reviewed at once; a form never opened on the tablet says so and
 * leads back to the ward; a draft kept offline comes back when its form is opened again; and when
 * the connection returns, the registration and then its review land once, the review on the case
 * the server gave.
 */
@QuarkusTest
class OfflineRegistrationBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    String reviewUrl(String audit, String caseId) {
        return base + "audits/" + audit + "/cases/" + caseId + "/review";
    }

    long casesIn(String audit) throws Exception {
        return Db.number(dataSource, "select count(*) from patient_case where audit_id = ?", Long.parseLong(audit));
    }

    long reviewsIn(String audit) throws Exception {
        return Db.number(dataSource, "select count(*) from review where audit_id = ?", Long.parseLong(audit));
    }

    @Test
    void aPatientRegisteredOfflineIsReviewedAtOnceAndBothLandOnceTheConnectionReturns() throws Exception {
        String audit = Tablet.auditRunningToday("Offline registration audit");
        String reviewer = Api.reviewerOn(audit, "COMMUNITY");
        String neverOpened = Api.registerCase(audit, reviewer);
        String opened = Api.registerCase(audit, reviewer);
        String localId = "RX" + System.nanoTime();
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = Tablet.signedInWithServiceWorker(context, base.toString(), reviewer, audit);
            // The form of a case opened before: its review id stays the same at every opening.
            page.navigate(reviewUrl(audit, opened));
            String formId = page.inputValue("input[name=reviewId]");
            page.navigate(reviewUrl(audit, opened));
            assertEquals(formId, page.inputValue("input[name=reviewId]"), "one review id per case and day");
            Tablet.openWard(page, base.toString(), audit);

            context.setOffline(true);
            Tablet.register(page, "Respiratory", localId);
            page.waitForFunction("() => document.getElementById('registration-status').textContent.includes('Kept')");
            page.waitForSelector("#pending-case-items li");
            assertTrue(page.textContent("#pending-case-items li").contains("Respiratory"));
            assertEquals("", page.inputValue("#specialty"), "the form is ready for the next patient");
            Tablet.waitForOutboxCount(page, 1);
            Chromium.screenshot(page, "OfflineRegistrationBrowserTest/registered-offline");
            assertEquals(List.of(), Axe.seriousViolations(page), "ward page with a patient kept offline");
            assertEquals(2, casesIn(audit), "nothing reached the server");

            // The new patient is reviewed at once, on the blank form the tablet kept.
            page.click("#pending-case-items a:has-text('Review')");
            page.waitForSelector("#review-form[data-opened=true]");
            String facts = page.textContent("#patient-facts");
            assertTrue(facts.contains("Respiratory") && facts.contains("75-84") && facts.contains("day 2 of stay"),
                    facts);
            assertEquals(List.of(), Axe.seriousViolations(page), "the new patient's review form");
            page.check("input[name=criteriaMet] >> nth=0");
            page.fill("#note", "Reviewed while the ward Wi-Fi was down");
            page.click("button[value=submit]");
            page.waitForFunction("() => document.getElementById('outbox-status').textContent.includes('registration')");
            Tablet.waitForOutboxCount(page, 2);
            Chromium.screenshot(page, "OfflineRegistrationBrowserTest/new-patient-reviewed-offline");

            // A form never opened on this tablet: a page that says so, and the way back to the ward.
            page.navigate(base + "audits/" + audit + "/wards/Ward%20A");
            page.click("tr[data-case='" + neverOpened + "'] a[href*='/review']");
            page.waitForSelector("#offline-page");
            assertTrue(page.textContent("h1").contains("Not on this tablet"), page.textContent("h1"));
            assertTrue(page.textContent("#offline-page").contains("was not opened on this tablet"));
            Chromium.screenshot(page, "OfflineRegistrationBrowserTest/form-not-kept");
            assertEquals(List.of(), Axe.seriousViolations(page), "the page of a form not kept");
            page.click("#back-to-ward");
            page.waitForSelector("h2:has-text('Patients on the ward')");
            assertTrue(page.url().contains("/wards/Ward%20A"), page.url());

            // A draft saved offline is there again when its form is reopened.
            page.click("tr[data-case='" + opened + "'] a[href*='/review']");
            page.waitForSelector("#review-form[data-opened=true]");
            page.check("input[name=criteriaMet] >> nth=0");
            page.fill("#note", "Draft written offline");
            page.click("button[value=draft]");
            page.waitForFunction("() => document.getElementById('outbox-status').textContent.includes('Kept')");
            page.navigate(base + "audits/" + audit + "/wards/Ward%20A");
            page.click("tr[data-case='" + opened + "'] a[href*='/review']");
            page.waitForSelector("#review-form[data-opened=true]");
            assertEquals("Draft written offline", page.inputValue("#note"));
            assertTrue(page.isChecked("input[name=criteriaMet] >> nth=0"));
            assertEquals(formId, page.inputValue("input[name=reviewId]"));
            Tablet.waitForOutboxCount(page, 3);
            Chromium.screenshot(page, "OfflineRegistrationBrowserTest/draft-reopened-offline");
            assertEquals(0, reviewsIn(audit));

            // The connection returns: the registration first, then its review with the server's case id.
            context.setOffline(false);
            Tablet.waitForOutboxCount(page, 0);
            assertEquals(3, casesIn(audit), "the patient is registered once");
            Object newCase = Db.value(dataSource, "select id from patient_case where audit_id = ? and client_id is not null",
                    Long.parseLong(audit));
            assertEquals("Respiratory", Db.value(dataSource, "select specialty from patient_case where id = ?", newCase));
            assertEquals(1, Db.number(dataSource, "select count(*) from review r join app_user u on u.id = r.reviewer_id"
                    + " where r.case_id = ? and u.username = ? and r.submitted = true", newCase, reviewer));
            assertEquals("Draft written offline", Db.value(dataSource, "select note from review where id = ?", formId));
            assertEquals(2, reviewsIn(audit));
            assertEquals(0, Tablet.keptRegistrations(page), "the registration left the tablet once sent");
            assertFalse(Tablet.everythingKept(page).contains(localId), "no local identifier stays on the tablet");

            // Back on the ward, the new patient is a case like any other, with the review in place.
            page.navigate(base + "audits/" + audit + "/wards/Ward%20A");
            page.waitForSelector("tr[data-case='" + newCase + "']");
            assertEquals("Yours: submitted", page.textContent("tr[data-case='" + newCase + "'] .today").strip());
            assertEquals(0, page.locator("#pending-case-items li").count());
            Chromium.screenshot(page, "OfflineRegistrationBrowserTest/landed");
        }
    }
}
