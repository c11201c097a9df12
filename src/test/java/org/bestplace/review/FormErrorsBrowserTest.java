package org.bestplace.review;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Chromium;
import org.bestplace.MovableClock;
import org.bestplace.TestAudit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A refused form puts the reviewer at the field in error and sums the errors up by the button, in
 * the form's own words: no field paths, no review ids. Tablet size, 768×1024.
 */
@QuarkusTest
class FormErrorsBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @Inject
    MovableClock clock;

    @BeforeEach
    void noonOnTheTenth() {
        clock.set(Instant.parse("2026-11-10T12:00:00Z"));
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    static String focused(Page page) {
        return (String) page.evaluate("() => document.activeElement && document.activeElement.id");
    }

    static boolean inView(Page page, String selector) {
        return (Boolean) page.evaluate("s => { const r = document.querySelector(s).getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight; }", selector);
    }

    static void assertInPageWords(Page page, String reviewId) {
        String text = page.textContent("main");
        for (String path : List.of("changeReason", "override.reason", "override.outcome", "criteriaMet", "reviewId")) {
            assertFalse(text.contains(path), "the page names the field path " + path + ": " + text);
        }
        if (reviewId != null) {
            assertFalse(text.contains(reviewId), "the page shows the review id");
        }
    }

    @Test
    void aRefusedReviewPutsTheReviewerAtTheFieldInError() {
        TestAudit audit = TestAudit.create();
        String caseId = Api.registerCase(audit.id(), audit.hospital());
        String reviewId = UUID.randomUUID().toString();
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("reviewDate", "2026-11-10");
        body.put("submitted", true);
        body.put("criteriaMet", List.of("MED-01"));
        Api.putReview(audit.id(), audit.hospital(), reviewId, body).statusCode(201);
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = Chromium.signIn(context, base.toString(), audit.hospital(), Api.PASSWORD);
            page.setDefaultTimeout(5000);
            page.navigate(base + "audits/" + audit.id() + "/cases/" + caseId + "/review");
            // A change to a submitted review, without saying why.
            page.check("input[name=criteriaMet] >> nth=1");
            page.click("button[value=submit]");
            page.waitForSelector("#error-summary");
            assertEquals("changeReason", focused(page));
            assertTrue(inView(page, "#changeReason"), "the field in error is in view");
            assertTrue(page.textContent("#error-summary").contains("Why you changed this review"),
                    page.textContent("#error-summary"));
            assertInPageWords(page, reviewId);
            Chromium.screenshot(page, "FormErrorsBrowserTest/change-without-reason");

            // An override without its reason.
            page.fill("#changeReason", "Ticked the wrong box");
            page.selectOption("#overrideOutcome", "DOES_NOT_QUALIFY");
            page.click("button[value=submit]");
            page.waitForSelector("#error-summary:has-text('Reason for the override')");
            assertEquals("overrideReason", focused(page));
            assertTrue(inView(page, "#overrideReason"), "the field in error is in view");
            assertTrue(page.textContent("#error-summary").contains("Reason for the override"),
                    page.textContent("#error-summary"));
            assertEquals("Ticked the wrong box", page.inputValue("#changeReason"));
            assertInPageWords(page, reviewId);
            Chromium.screenshot(page, "FormErrorsBrowserTest/override-without-reason");
        }
    }

    @Test
    void aRefusedRegistrationPutsTheReviewerAtTheFieldInErrorWithOrWithoutScript() {
        TestAudit audit = TestAudit.create();
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = Chromium.signIn(context, base.toString(), audit.hospital(), Api.PASSWORD);
            page.setDefaultTimeout(5000);
            page.navigate(base + "audits/" + audit.id() + "/wards/Ward%20A");
            page.selectOption("#specialty", "Respiratory");
            page.selectOption("#sex", "MALE");
            page.fill("#admissionDate", "2026-11-08");
            page.click("form[action$='/cases'] button[type=submit]");
            page.waitForSelector("#registration-errors");
            assertEquals("ageBand", focused(page));
            assertTrue(inView(page, "#ageBand"), "the field in error is in view");
            assertTrue(page.textContent("#registration-errors").contains("Age band"));
            assertEquals("Respiratory", page.inputValue("#specialty"));
            Chromium.screenshot(page, "FormErrorsBrowserTest/registration-refused");
        }
        try (BrowserContext context = chromium.browserWithoutScript()) {
            Page page = Chromium.signIn(context, base.toString(), audit.hospital(), Api.PASSWORD);
            page.setDefaultTimeout(5000);
            page.navigate(base + "audits/" + audit.id() + "/wards/Ward%20A");
            page.selectOption("#ageBand", "40-64");
            page.selectOption("#sex", "MALE");
            page.fill("#admissionDate", "2026-11-08");
            page.click("form[action$='/cases'] button[type=submit]");
            page.waitForSelector("#registration-errors");
            assertTrue(page.textContent("#registration-errors").contains("Specialty"));
            assertTrue(page.locator("#specialty[autofocus]").count() == 1, "the field in error takes the focus");
        }
    }
}
