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
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Chromium;
import org.bestplace.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the server refuses when the outbox sends it (a locked day, a review missing its
 * alternative, a patient already registered) is never lost silently: it stays in the outbox,
 * marked refused with the server's message, and its author opens it in its form, filled with what
 * they wrote, to correct and send it again, or discards it after a confirmation. Tablet, 768×1024.
 */
@QuarkusTest
class RefusedOutboxBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    String reviewUrl(String audit, String caseId) {
        return base + "audits/" + audit + "/cases/" + caseId + "/review";
    }

    long reviewsIn(String audit) throws Exception {
        return Db.number(dataSource, "select count(*) from review where audit_id = ?", Long.parseLong(audit));
    }

    long casesIn(String audit) throws Exception {
        return Db.number(dataSource, "select count(*) from patient_case where audit_id = ?", Long.parseLong(audit));
    }

    static void waitForRefused(Page page) {
        page.waitForSelector("#outbox-items li[data-state=refused]");
    }

    @Test
    void aReviewRefusedForALockedDayIsOpenedThenDiscardedOnlyAfterAConfirmation() throws Exception {
        String audit = Tablet.auditRunningToday("Locked day audit");
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String chair = Api.user("chair", "HOSPITAL", "CHAIR");
        Api.member(audit, chair, "CHAIR", "HOSPITAL");
        String caseId = Api.registerCase(audit, reviewer);
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = Tablet.signedInWithServiceWorker(context, base.toString(), reviewer, audit);
            page.navigate(reviewUrl(audit, caseId));
            context.setOffline(true);
            page.reload();
            page.check("input[name=criteriaMet] >> nth=0");
            page.fill("#note", "Seen on the morning round");
            page.click("button[value=submit]");
            Tablet.waitForOutboxCount(page, 1);

            // Meanwhile the chair signs the day off.
            String today = Tablet.today().toString();
            Api.as(chair).post("/api/audits/" + audit + "/debriefs/" + today + "/opening").then().statusCode(200);
            Api.as(chair).post("/api/audits/" + audit + "/debriefs/" + today + "/sign-off").then().statusCode(200);
            context.setOffline(false);
            waitForRefused(page);
            String item = page.textContent("#outbox-items li[data-state=refused]");
            assertTrue(item.contains("refused") && item.contains("locked"), item);
            assertFalse(item.contains("reviewDate"), "no field path reaches the reviewer: " + item);
            Chromium.screenshot(page, "RefusedOutboxBrowserTest/refused-locked-day");
            page.reload();
            waitForRefused(page);
            assertEquals(0, reviewsIn(audit));

            // The author opens it: the form holds what they wrote, and the refusal.
            page.click("#outbox-items li[data-state=refused] a:has-text('Open')");
            page.waitForSelector("#review-form[data-opened=true]");
            assertEquals("Seen on the morning round", page.inputValue("#note"));
            assertTrue(page.isChecked("input[name=criteriaMet] >> nth=0"));
            assertTrue(page.textContent("#error-summary").contains("locked"), page.textContent("#error-summary"));
            Chromium.screenshot(page, "RefusedOutboxBrowserTest/refused-opened");
            assertEquals(List.of(), Axe.seriousViolations(page), "a refused review opened from the outbox");

            // Discarding asks first; saying no keeps it.
            page.onceDialog(dialog -> {
                assertTrue(dialog.message().contains("Discard"), dialog.message());
                dialog.dismiss();
            });
            page.click("#outbox-items li[data-state=refused] button:has-text('Discard')");
            page.waitForTimeout(300);
            assertEquals("1", page.textContent("#outbox-count"));
            page.onceDialog(dialog -> dialog.accept());
            page.click("#outbox-items li[data-state=refused] button:has-text('Discard')");
            Tablet.waitForOutboxCount(page, 0);
            page.reload();
            assertFalse(page.isVisible("#outbox"), "the outbox is empty after a reload");
            assertEquals(0, reviewsIn(audit));
        }
    }

    @Test
    void aReviewOfACaseThatMeanwhileHasTwoReviewsStaysRefusedWithTheServersWords() throws Exception {
        String audit = Tablet.auditRunningToday("Two reviews audit");
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String community = Api.reviewerOn(audit, "COMMUNITY");
        String commissioner = Api.reviewerOn(audit, "COMMISSIONER");
        String caseId;
        do {
            caseId = Api.registerCase(audit, reviewer);
        } while (!DualReview.isSelected(Long.parseLong(caseId), new java.math.BigDecimal("0.2")));
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = Tablet.signedInWithServiceWorker(context, base.toString(), reviewer, audit);
            page.navigate(reviewUrl(audit, caseId));
            context.setOffline(true);
            page.reload();
            page.check("input[name=criteriaMet] >> nth=0");
            page.click("button[value=submit]");
            Tablet.waitForOutboxCount(page, 1);
            // Meanwhile colleagues of the two other sectors review the patient.
            Map<String, Object> review = new java.util.HashMap<>(Api.submittedReview(caseId, true, "MED-01"));
            review.put("reviewDate", Tablet.today().toString());
            Api.putReview(audit, community, UUID.randomUUID().toString(), review).statusCode(201);
            Api.putReview(audit, commissioner, UUID.randomUUID().toString(), review).statusCode(201);
            context.setOffline(false);
            waitForRefused(page);
            String item = page.textContent("#outbox-items li[data-state=refused]");
            assertTrue(item.contains("already has two reviews"), item);
            assertFalse(item.contains("caseId"), item);
            Chromium.screenshot(page, "RefusedOutboxBrowserTest/refused-two-reviews");
            assertEquals(2, reviewsIn(audit));
        }
    }

    @Test
    void aRefusedReviewIsCorrectedAndSentAgain() throws Exception {
        String audit = Tablet.auditRunningToday("Corrected review audit");
        String reviewer = Api.reviewerOn(audit, "COMMUNITY");
        String caseId = Api.registerCase(audit, reviewer);
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = Tablet.signedInWithServiceWorker(context, base.toString(), reviewer, audit);
            page.navigate(reviewUrl(audit, caseId));
            context.setOffline(true);
            page.reload();
            // Nothing ticked: the patient does not qualify, and no alternative place is given.
            page.check("input[name=reasons] >> nth=0");
            page.fill("#note", "Waiting for a package of care");
            page.click("button[value=submit]");
            Tablet.waitForOutboxCount(page, 1);
            page.navigate(base + "audits/" + audit);
            context.setOffline(false);
            waitForRefused(page);
            String item = page.textContent("#outbox-items li[data-state=refused]");
            assertTrue(item.contains("alternative place"), item);
            Chromium.screenshot(page, "RefusedOutboxBrowserTest/refused-missing-alternative");

            page.click("#outbox-items li[data-state=refused] a:has-text('Open')");
            page.waitForSelector("#review-form[data-opened=true]");
            assertEquals("Waiting for a package of care", page.inputValue("#note"));
            assertTrue(page.isChecked("input[name=reasons] >> nth=0"));
            assertTrue(page.isVisible("#alternative-error"), "the refusal is by its field");
            page.check("input[name=alternative] >> nth=0");
            page.click("button[value=submit]");
            page.waitForSelector("h2:has-text('Patients on the ward')");
            assertEquals(1, reviewsIn(audit));
            assertEquals("Waiting for a package of care", Db.value(dataSource,
                    "select note from review where audit_id = ?", Long.parseLong(audit)));
            assertFalse(page.isVisible("#outbox"), "nothing is left in the outbox");
        }
    }

    @Test
    void aRefusedRegistrationIsCorrectedAndRegistered() throws Exception {
        String audit = Tablet.auditRunningToday("Refused registration audit");
        String reviewer = Api.reviewerOn(audit, "HOSPITAL");
        String localId = "DUP" + UUID.randomUUID().toString().substring(0, 8);
        Api.as(reviewer).body(Map.of("ward", "Ward A", "specialty", "Cardiology", "ageBand", "65-74", "sex", "MALE",
                "admissionDate", Tablet.today().minusDays(1).toString(), "localId", localId))
                .post("/api/audits/" + audit + "/cases").then().statusCode(201);
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = Tablet.signedInWithServiceWorker(context, base.toString(), reviewer, audit);
            Tablet.openWard(page, base.toString(), audit);
            context.setOffline(true);
            Tablet.register(page, "Care of older people", localId);
            Tablet.waitForOutboxCount(page, 1);
            page.navigate(base + "audits/" + audit);
            context.setOffline(false);
            waitForRefused(page);
            String item = page.textContent("#outbox-items li[data-state=refused]");
            assertTrue(item.contains("already registered"), item);
            assertFalse(item.contains(localId), "the local identifier is never shown: " + item);
            Chromium.screenshot(page, "RefusedOutboxBrowserTest/refused-registration");
            assertEquals(1, casesIn(audit));

            page.click("#outbox-items li[data-state=refused] a:has-text('Open')");
            page.waitForSelector("#registration-errors");
            assertEquals("Care of older people", page.inputValue("#specialty"));
            assertEquals("75-84", page.inputValue("#ageBand"));
            assertEquals("true", page.getAttribute("#localId", "aria-invalid"));
            assertFalse(page.textContent("#registration-errors").matches(".*\\(id \\d+\\).*"),
                    page.textContent("#registration-errors"));
            Chromium.screenshot(page, "RefusedOutboxBrowserTest/refused-registration-opened");
            assertEquals(List.of(), Axe.seriousViolations(page), "a refused registration opened from the outbox");
            page.fill("#localId", "");
            page.click("#registration-form button[type=submit]");
            page.waitForSelector(".notice");
            assertTrue(page.textContent(".notice").contains("Registered case"), page.textContent(".notice"));
            assertEquals(2, casesIn(audit));
            assertEquals(0, Tablet.keptRegistrations(page));
            assertFalse(page.isVisible("#outbox"));
        }
    }
}
