package org.bestplace.training;

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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bestplace.Api;
import org.bestplace.Axe;
import org.bestplace.Chromium;
import org.bestplace.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A reviewer practising on a tablet (768×1024), and the readiness rule seen from the tablet's outbox. */
@QuarkusTest
class TrainingBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    /** An audit running today with a lead, so the review form's day falls inside it. */
    String[] auditRunningToday() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        Map<String, Object> body = new HashMap<>(Api.auditBody("Training audit"));
        body.put("startDate", today.minusDays(3).toString());
        body.put("endDate", today.plusDays(3).toString());
        String audit = Api.asAdmin().body(body).post("/api/audits").then().statusCode(201).extract().path("id");
        Api.startCollecting(audit);
        String lead = Api.user("lead", "HOSPITAL", "REVIEWER");
        Api.member(audit, lead, "LEAD", "HOSPITAL");
        return new String[] {audit, lead};
    }

    void noSeriousViolations(Page page, String where) {
        List<String> violations = Axe.seriousViolations(page);
        assertEquals(List.of(), violations, where);
    }

    @Test
    void aReviewerAnswersThreeTrainingCasesAndSeesTheFeedback() {
        String[] made = auditRunningToday();
        String audit = made[0];
        String reviewer = Api.reviewerOn(audit, "COMMUNITY");
        Map<String, Object> qualifies = TrainingApiTest.reference("MED-01", "NUR-03");
        String first = TrainingApiTest.title("Tablet: oxygen weaned");
        Api.asAdmin().body(TrainingApiTest.trainingCase(first, qualifies)).post(TrainingApiTest.CASES).then()
                .statusCode(201);
        Map<String, Object> home = TrainingApiTest.reference();
        home.put("override", Map.of("outcome", "DOES_NOT_QUALIFY", "reason", "PANEL-ONLY-WORDS drip kept by habit"));
        home.put("criteriaMet", List.of("CTR-01"));
        home.put("alternative", "P2");
        String second = TrainingApiTest.title("Tablet: waiting for a care package");
        Api.asAdmin().body(TrainingApiTest.trainingCase(second, home)).post(TrainingApiTest.CASES).then()
                .statusCode(201);
        String third = TrainingApiTest.title("Tablet: medically fit");
        Api.asAdmin().body(TrainingApiTest.trainingCase(third, TrainingApiTest.reference())).post(
                TrainingApiTest.CASES).then().statusCode(201);

        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = Chromium.signIn(context, base.toString(), reviewer, Api.PASSWORD);
            page.navigate(base + "audits/" + audit);
            page.click("#training-link");
            page.waitForSelector("h1:has-text('Training')");
            Chromium.screenshot(page, "training-list");
            noSeriousViolations(page, "training list");
            assertFalse(page.content().contains("PANEL-ONLY-WORDS"));

            // 1: ticks one of the panel's two criteria and one the panel did not
            page.click("a:has-text('" + first + "')");
            page.waitForSelector("#training-form");
            assertFalse(page.content().contains("PANEL-ONLY-WORDS"));
            assertEquals("Does not qualify", page.textContent("#live-outcome"));
            page.check("#c-MED-01");
            page.check("#c-CTR-02");
            assertEquals("Qualifies", page.textContent("#live-outcome"));
            Chromium.screenshot(page, "training-form");
            noSeriousViolations(page, "training form");
            page.click("#training-form button[type=submit]");
            page.waitForSelector("#feedback");
            assertEquals(List.of("NUR-03"), page.locator("#missed li").evaluateAll(
                    "items => items.map(i => i.dataset.code)"));
            assertEquals(List.of("CTR-02"), page.locator("#extra li").evaluateAll(
                    "items => items.map(i => i.dataset.code)"));
            assertTrue(page.textContent("#feedback-outcome").contains("Same outcome"));
            Chromium.screenshot(page, "training-feedback");
            noSeriousViolations(page, "training feedback");

            // 2: the reference was overridden; the reviewer ticks the criterion and so disagrees
            page.navigate(base + "audits/" + audit + "/training");
            page.click("a:has-text('" + second + "')");
            page.waitForSelector("#training-form");
            assertFalse(page.content().contains("PANEL-ONLY-WORDS"));
            page.check("#c-CTR-01");
            page.click("#training-form button[type=submit]");
            page.waitForSelector("#feedback");
            assertTrue(page.textContent("#feedback-outcome").contains("The outcomes differ"));
            assertTrue(page.content().contains("PANEL-ONLY-WORDS"));
            assertTrue(page.textContent("#missed-none").contains("None"));

            // 3: not qualifying, and the form asks for the alternative place first
            page.navigate(base + "audits/" + audit + "/training");
            page.click("a:has-text('" + third + "')");
            page.waitForSelector("#training-form");
            page.click("#training-form button[type=submit]");
            page.waitForSelector("#alternative-error");
            Chromium.screenshot(page, "training-form-refused");
            noSeriousViolations(page, "training form refused");
            page.check("#a-P1");
            page.click("#training-form button[type=submit]");
            page.waitForSelector("#feedback");
            assertTrue(page.textContent("#reference-alternative").contains("Reference"));
            assertTrue(page.textContent("#feedback-outcome").contains("Same outcome"));

            page.navigate(base + "audits/" + audit + "/training");
            assertTrue(page.textContent("#training-progress").contains("3 of"), page.textContent("#training-progress"));
        }
        Api.as(made[1]).get("/api/audits/" + audit + "/readiness").then().statusCode(200)
                .body("reviewers.find { it.username == '" + reviewer + "' }.answered", org.hamcrest.Matchers.equalTo(3))
                .body("reviewers.find { it.username == '" + reviewer + "' }.agreed", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void aReviewFromAReviewerNotYetReadyStaysInTheOutboxWithTheMessageUntilTheyAreReady() throws Exception {
        String[] made = auditRunningToday();
        String audit = made[0];
        String lead = made[1];
        String reviewer = Api.reviewerOn(audit, "COMMUNITY");
        String caseId = Api.registerCase(audit, reviewer);
        Api.as(lead).body(Map.of("minCases", 2, "minKappa", 0.6, "minAgreement", 0.8, "required", true))
                .put("/api/audits/" + audit + "/readiness-rule").then().statusCode(200);
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = Chromium.signIn(context, base.toString(), reviewer, Api.PASSWORD);
            page.navigate(base + "audits/" + audit);
            page.evaluate("() => navigator.serviceWorker.ready.then(() => true)");
            page.navigate(base + "audits/" + audit + "/cases/" + caseId + "/review");
            page.check("input[name=criteriaMet] >> nth=0");
            page.click("button[value=submit]");
            page.waitForSelector("#outbox-items li[data-state=refused]");
            String item = page.textContent("#outbox-items li[data-state=refused]");
            assertTrue(item.contains("passed its training") && item.contains("Training page"), item);
            page.reload();
            page.waitForSelector("#outbox-items li[data-state=refused]");
            Chromium.screenshot(page, "outbox-not-ready");
            assertEquals(0, Db.number(dataSource, "select count(*) from review where audit_id = ?",
                    Long.parseLong(audit)));

            // the reviewer reaches the rule, then sends the same review again
            String yes = Api.asAdmin().body(TrainingApiTest.trainingCase(TrainingApiTest.title("Ready: yes"),
                    TrainingApiTest.reference("MED-01"))).post(TrainingApiTest.CASES).then().statusCode(201).extract()
                    .path("id");
            String no = Api.asAdmin().body(TrainingApiTest.trainingCase(TrainingApiTest.title("Ready: no"),
                    TrainingApiTest.reference())).post(TrainingApiTest.CASES).then().statusCode(201).extract()
                    .path("id");
            TrainingApiTest.answer(reviewer, yes, Map.of("criteriaMet", List.of("MED-01"))).statusCode(201);
            TrainingApiTest.answer(reviewer, no, Map.of("criteriaMet", List.of(), "alternative", "P1"))
                    .statusCode(201);
            page.check("input[name=criteriaMet] >> nth=0");
            page.click("button[value=submit]");
            page.waitForSelector("h2:has-text('Patients on the ward')");
            assertEquals(1, Db.number(dataSource, "select count(*) from review where audit_id = ? and submitted = true",
                    Long.parseLong(audit)));
        }
    }

    @Test
    void theLeadSeesTheRuleAndTheScoresAndWritesACaseOnAPage() {
        String[] made = auditRunningToday();
        String audit = made[0];
        String lead = made[1];
        Api.reviewerOn(audit, "COMMUNITY");
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), lead, Api.PASSWORD);
            page.navigate(base + "audits/" + audit + "/readiness");
            page.waitForSelector("#reviewers");
            assertEquals("10", page.inputValue("#minCases"));
            noSeriousViolations(page, "readiness");
            page.fill("#minAgreement", "1.5");
            page.click("#rule-form button[type=submit]");
            page.waitForSelector("#minAgreement-error");
            assertEquals("1.5", page.inputValue("#minAgreement"));
            noSeriousViolations(page, "readiness refused");
            Chromium.screenshot(page, "readiness-refused");
            page.fill("#minAgreement", "0.75");
            page.check("#required");
            page.click("#rule-form button[type=submit]");
            page.waitForSelector(".notice");
            assertEquals("0.75", page.inputValue("#minAgreement"));
            Chromium.screenshot(page, "readiness");

            page.click("a:has-text('Write a training case')");
            page.waitForSelector("#training-case-form");
            String title = TrainingApiTest.title("Written on the page");
            page.fill("#title", title);
            page.fill("#notes", "Day 9. Walking with a frame, waiting for a package of care.");
            page.click("#training-case-form button[type=submit]");
            page.waitForSelector("#alternative-error");
            assertEquals(title, page.inputValue("#title"));
            noSeriousViolations(page, "training case refused");
            Chromium.screenshot(page, "training-case-refused");
            page.check("#a-P1");
            page.click("#training-case-form button[type=submit]");
            page.waitForSelector(".notice");
            noSeriousViolations(page, "training case form");
        }
        assertTrue(Api.asAdmin().get(TrainingApiTest.CASES).asString().contains("Written on the page"));
    }
}
