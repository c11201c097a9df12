package org.bestplace.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.bestplace.Api;
import org.bestplace.Axe;
import org.bestplace.Chromium;
import org.bestplace.TestAudit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lead's view of training beyond the readiness page (1280×800): each reviewer's readiness on
 * the team page, and the team's agreement with the reference beside the agreement between
 * reviewers on the results page.
 */
@QuarkusTest
class TeamReadinessBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    static final Map<String, Object> NOT_QUALIFYING = Map.of("criteriaMet", List.of(), "alternative", "P1",
            "reasons", List.of("HP-TESTS"));
    static final Map<String, Object> QUALIFIES = Map.of("criteriaMet", List.of("MED-01"));

    static void answer(String person, boolean referenceQualifies, boolean answerQualifies) {
        String caseId = Api.asAdmin().body(TrainingApiTest.trainingCase(TrainingApiTest.title("Team page"),
                referenceQualifies ? TrainingApiTest.reference("MED-01") : TrainingApiTest.reference()))
                .post(TrainingApiTest.CASES).then().statusCode(201).extract().path("id");
        TrainingApiTest.answer(person, caseId, answerQualifies ? QUALIFIES : NOT_QUALIFYING).statusCode(201);
    }

    void noSeriousViolations(Page page, String where) {
        assertEquals(List.of(), Axe.seriousViolations(page), where);
    }

    /**
     * With the rule at 2 cases, kappa 0.6 and agreement 0.8: the hospital reviewer answers two
     * cases right (one of each outcome: agreement 100%, kappa 1), ready; the community reviewer
     * answers three, one wrong (reference NQ, NQ, Q → NQ, Q, Q): agreement 2 / 3, not yet ready.
     * Pooled (5 answers): a 2, b 0, c 1, d 2: agreement 0.8, chance 0.4 × 0.6 + 0.6 × 0.4 = 0.48,
     * kappa 0.32 / 0.52 = 0.62; sensitivity 2 / 3 = 66.7%, specificity 2 / 2 = 100.0%.
     */
    @Test
    void theTeamPageShowsEachReviewersReadinessAndTheResultsPageTheTeamsAgreementWithTheReference() {
        TestAudit audit = TestAudit.create();
        Api.as(audit.lead()).body(Map.of("minCases", 2, "minKappa", 0.6, "minAgreement", 0.8, "required", false))
                .put("/api/audits/" + audit.id() + "/readiness-rule").then().statusCode(200);
        answer(audit.hospital(), false, false);
        answer(audit.hospital(), true, true);
        answer(audit.community(), false, false);
        answer(audit.community(), false, true);
        answer(audit.community(), true, true);

        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), audit.lead(), Api.PASSWORD);
            page.navigate(base + "audits/" + audit.id() + "/team");
            page.waitForSelector("#sectors");
            String hospital = page.textContent("[data-member='" + audit.hospital() + "'] .training");
            assertTrue(hospital.contains("2 answered") && hospital.contains("kappa 1.00")
                    && hospital.contains("ready"), hospital);
            assertFalse(hospital.contains("not yet"), hospital);
            String community = page.textContent("[data-member='" + audit.community() + "'] .training");
            assertTrue(community.contains("3 answered") && community.contains("kappa 0.40")
                    && community.contains("not yet ready"), community);
            assertEquals("true", page.getAttribute("[data-member='" + audit.hospital() + "'] .training",
                    "data-ready"));
            assertEquals("false", page.getAttribute("[data-member='" + audit.community() + "'] .training",
                    "data-ready"));
            // only reviewers practise for the audit: the chair has no training line
            assertEquals(0, page.locator("[data-member='" + audit.chair() + "'] .training").count());
            noSeriousViolations(page, "team page with readiness");
            Chromium.screenshot(page, "team-readiness");

            page.navigate(base + "audits/" + audit.id() + "/results");
            page.waitForSelector("#training-agreement");
            String block = page.textContent("#training-agreement-figures").replaceAll("\\s+", " ");
            assertTrue(block.contains("5 training cases answered by 2 reviewers"), block);
            assertTrue(block.contains("agreed with the reference on 4 (80.0%)"), block);
            assertTrue(block.contains("Cohen's kappa 0.62"), block);
            assertTrue(block.contains("sensitivity 66.7%") && block.contains("specificity 100.0%"), block);
            // beside the agreement between reviewers
            assertEquals(1, page.locator("section:has(#agreement) + section:has(#training-agreement)").count());
            assertEquals(2, page.locator("#training-sectors tbody tr").count());
            noSeriousViolations(page, "results page with training agreement");
            page.locator("#training-agreement").scrollIntoViewIfNeeded();
            Chromium.screenshot(page, "results-training-agreement");
        }
    }
}
