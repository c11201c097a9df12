package org.bestplace.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * The ward list tells each reviewer, per patient, what is left for them today, by the same rule
 * the review PUT applies, so no link leads to a refusal; the review form shows who the patient is
 * in the audit's terms. Tablet size, 768×1024.
 */
@QuarkusTest
class WardTodayBrowserTest {

    static final LocalDate TODAY = Api.day(10);

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

    static Map<String, Object> review(String caseId, boolean submitted) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("reviewDate", TODAY.toString());
        body.put("submitted", submitted);
        body.put("criteriaMet", List.of("MED-01"));
        return body;
    }

    static String status(Page page, String caseId) {
        return page.textContent("tr[data-case='" + caseId + "'] .today").strip();
    }

    static boolean offered(Page page, String caseId) {
        return page.locator("tr[data-case='" + caseId + "'] a[href*='/review']").count() > 0;
    }

    @Test
    void eachPatientSaysWhatIsLeftForTheSignedInReviewer() {
        TestAudit audit = TestAudit.create();
        String me = audit.hospital();
        String otherHospital = Api.reviewerOn(audit.id(), "HOSPITAL");
        List<String> dual = new ArrayList<>();
        List<String> single = new ArrayList<>();
        while (dual.size() < 3 || single.size() < 4) {
            String id = Api.registerCase(audit.id(), me);
            (DualReview.isSelected(Long.parseLong(id), new BigDecimal("0.2")) ? dual : single).add(id);
        }
        String draft = single.get(0);
        String submitted = single.get(1);
        String fresh = single.get(2);
        String reviewedOnce = single.get(3);
        String secondWanted = dual.get(0);
        String sameSectorFirst = dual.get(1);
        String twoReviews = dual.get(2);
        Api.putReview(audit.id(), me, UUID.randomUUID().toString(), review(draft, false)).statusCode(201);
        Api.putReview(audit.id(), me, UUID.randomUUID().toString(), review(submitted, true)).statusCode(201);
        Api.putReview(audit.id(), audit.community(), UUID.randomUUID().toString(), review(reviewedOnce, true))
                .statusCode(201);
        Api.putReview(audit.id(), audit.community(), UUID.randomUUID().toString(), review(secondWanted, true))
                .statusCode(201);
        Api.putReview(audit.id(), otherHospital, UUID.randomUUID().toString(), review(sameSectorFirst, true))
                .statusCode(201);
        Api.putReview(audit.id(), otherHospital, UUID.randomUUID().toString(), review(twoReviews, true))
                .statusCode(201);
        Api.putReview(audit.id(), audit.community(), UUID.randomUUID().toString(), review(twoReviews, true))
                .statusCode(201);

        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = Chromium.signIn(context, base.toString(), me, Api.PASSWORD);
            page.setDefaultTimeout(5000);
            page.navigate(base + "audits/" + audit.id() + "/wards/Ward%20A");
            assertEquals("Yours: draft", status(page, draft));
            assertEquals("Yours: submitted", status(page, submitted));
            assertEquals("To review", status(page, fresh));
            assertEquals("Second review wanted", status(page, secondWanted));
            assertEquals("Waiting for a second review from another sector", status(page, sameSectorFirst));
            assertEquals("Nothing left for you", status(page, twoReviews));
            assertEquals("Nothing left for you", status(page, reviewedOnce));
            for (String open : List.of(draft, submitted, fresh, secondWanted)) {
                assertTrue(offered(page, open), "a review link for case " + open);
            }
            for (String closed : List.of(sameSectorFirst, twoReviews, reviewedOnce)) {
                assertEquals(false, offered(page, closed), "no review link for case " + closed);
            }
            Chromium.screenshot(page, "WardTodayBrowserTest/ward-states");
            // What the page withholds, the PUT refuses: the same rule decides both.
            Api.putReview(audit.id(), me, UUID.randomUUID().toString(), review(sameSectorFirst, true))
                    .statusCode(409);
            Api.putReview(audit.id(), me, UUID.randomUUID().toString(), review(twoReviews, true)).statusCode(409);

            // The review form says who the patient is, in the audit's words.
            page.click("tr[data-case='" + secondWanted + "'] a[href*='/review']");
            page.waitForSelector("#review-form");
            String facts = page.textContent("#patient-facts");
            assertTrue(facts.contains("75-84"), facts);
            assertTrue(facts.contains("female"), facts);
            assertTrue(facts.contains("General medicine"), facts);
            assertTrue(facts.contains("day 8 of stay"), facts);
            Chromium.screenshot(page, "WardTodayBrowserTest/review-form-facts");

            // Once the chair signs the day off, every line says so and no review is offered.
            Api.as(audit.chair()).post("/api/audits/" + audit.id() + "/debriefs/" + TODAY + "/opening").then().statusCode(200);
            Api.as(audit.chair()).post("/api/audits/" + audit.id() + "/debriefs/" + TODAY + "/sign-off").then()
                    .statusCode(200);
            page.navigate(base + "audits/" + audit.id() + "/wards/Ward%20A");
            assertTrue(page.textContent("#day-lock").contains("locked"), page.textContent("#day-lock"));
            for (String id : List.of(draft, submitted, fresh, secondWanted)) {
                assertTrue(status(page, id).endsWith("day locked"), status(page, id));
                assertEquals(false, offered(page, id), "no review link on a locked day for case " + id);
            }
            Chromium.screenshot(page, "WardTodayBrowserTest/ward-locked");
        }
    }
}
