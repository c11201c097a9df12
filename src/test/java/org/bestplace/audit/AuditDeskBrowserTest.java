package org.bestplace.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Axe;
import org.bestplace.Chromium;
import org.bestplace.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The audit lead's desk in real headless Chromium at laptop size (1280×800): the audits list,
 * creating and setting up an audit, its team by sector, and its lifecycle, with no JSON by hand.
 */
@QuarkusTest
class AuditDeskBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    static void noSeriousViolations(Page page, String what) {
        List<String> violations = Axe.seriousViolations(page);
        assertEquals(List.of(), violations, "axe-core on " + what);
    }

    /** The status code of the page a click leads to. */
    static int statusOfClick(Page page, String selector) {
        Response response = page.waitForResponse(r -> r.request().method().equals("POST"), () -> page.click(selector));
        return response.status();
    }

    @Test
    void anAdministratorCreatesAnAuditStaffsItAndStartsItCollecting() {
        String chair = Api.user("chair", "HOSPITAL", "CHAIR");
        String hospital = Api.user("reviewer", "HOSPITAL", "REVIEWER");
        String spare = Api.user("spare", "HOSPITAL", "REVIEWER");
        String community = "community-" + UUID.randomUUID().toString().substring(0, 8);
        String title = "Desk audit " + UUID.randomUUID().toString().substring(0, 8);
        LocalDate nextWeek = LocalDate.now(ZoneId.of("Europe/London")).plusDays(7);

        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), "admin", TestDatabase.ADMIN_PASSWORD);
            page.click("#audits-link");
            page.waitForURL("**/audits");
            noSeriousViolations(page, "the audits list");
            Chromium.screenshot(page, "audits-list-admin");

            page.click("#new-audit");
            page.waitForURL("**/audits/new");
            page.fill("#title", title);
            page.fill("#question", "Of the adult inpatients on the two wards, how many could be cared for elsewhere?");
            page.fill("#site", "Riverside General Hospital");
            page.fill("#ward-0", "Ward A");
            page.fill("#ward-1", "Ward B");
            page.click("#add-ward");
            page.fill("#ward-2", "Ward C");
            page.click("text=Remove ward 2");
            assertEquals("Ward A", page.inputValue("#ward-0"));
            assertEquals("Ward C", page.inputValue("#ward-1"), "ward B's line is gone, the others kept");
            assertEquals(title, page.inputValue("#title"), "the rest of the form is kept");
            page.fill("#startDate", nextWeek.toString());
            page.fill("#endDate", nextWeek.minusDays(1).toString());
            page.selectOption("#criteriaSet", Api.SET_ID + "|" + Api.SET_VERSION);
            page.fill("#dualReviewRate", "25");
            noSeriousViolations(page, "the new audit form");
            Chromium.screenshot(page, "audit-create");

            assertEquals(400, statusOfClick(page, "#save"));
            assertTrue(page.textContent("#endDate-error").contains("The end date is before the start date."));
            assertEquals("Ward C", page.inputValue("#ward-1"), "values kept after a refusal");
            assertEquals("25", page.inputValue("#dualReviewRate"));
            noSeriousViolations(page, "the refused new audit form");
            Chromium.screenshot(page, "audit-create-refused");
            page.fill("#endDate", nextWeek.plusDays(6).toString());
            page.click("#save");
            page.waitForURL("**/team?created=true");
            String auditId = page.url().replaceAll(".*/audits/(\\d+)/team.*", "$1");
            var made = Api.asAdmin().get("/api/audits/" + auditId).then().statusCode(200).extract().jsonPath();
            assertEquals(List.of("Ward A", "Ward C"), made.getList("wards"));
            assertEquals("PLANNED", made.getString("status"));
            assertEquals(0.25f, made.getFloat("dualReviewRate"));
            assertEquals(nextWeek.toString(), made.getString("startDate"));

            // The team, by sector
            assertTrue(page.textContent("#sector-COMMUNITY").contains("Nobody from the COMMUNITY sector"));
            page.selectOption("#add-username", chair);
            page.selectOption("#add-role", "CHAIR");
            page.click("#add-member");
            page.waitForSelector("#done");
            for (String username : List.of(hospital, spare)) {
                page.selectOption("#add-username", username);
                page.selectOption("#add-role", "REVIEWER");
                page.click("#add-member");
                page.waitForSelector("#done");
            }
            assertTrue(page.textContent("#sector-HOSPITAL").contains(chair));
            noSeriousViolations(page, "the team page");

            // Refused: the team has no second sector yet, and the page says so before the button
            page.click("text=Status: PLANNED");
            page.waitForURL("**/status");
            String rule = AuditTeam.RULE + " This audit's reviewers are all from the HOSPITAL sector.";
            assertTrue(page.textContent("#team-rule").contains(rule), page.textContent("#team-rule"));
            noSeriousViolations(page, "the status page");
            assertEquals(409, statusOfClick(page, "#to-COLLECTING"));
            String refusal = page.textContent("#refusal-COLLECTING").strip();
            assertEquals("Not moved: " + rule, refusal.replaceAll("\\s+", " "));
            Api.asAdmin().body(Map.of("status", "COLLECTING")).post("/api/audits/" + auditId + "/status").then()
                    .statusCode(409).body("detail", org.hamcrest.Matchers.equalTo(rule));
            assertEquals("PLANNED", page.textContent("#current-status"));
            noSeriousViolations(page, "the refused status page");
            Chromium.screenshot(page, "audit-status-refused");

            // Someone new, made on the spot in the community sector; a role changed; someone taken off
            page.click("#manage-team, a:has-text('Team')");
            page.waitForURL("**/team");
            page.fill("#new-username", community);
            page.fill("#new-displayName", "Priya Community");
            page.fill("#new-organisation", "Riverside Community Health");
            page.selectOption("#new-sector", "COMMUNITY");
            page.fill("#new-password", "short");
            page.selectOption("#new-role", "REVIEWER");
            assertEquals(400, statusOfClick(page, "#create-member"));
            assertTrue(page.textContent("#new-error").contains("at least 12 characters"));
            assertEquals(community, page.inputValue("#new-username"), "typed values kept, the password not");
            assertEquals("", page.inputValue("#new-password"));
            page.fill("#new-password", "community-secret-2026");
            page.click("#create-member");
            page.waitForSelector("#done");
            assertTrue(page.textContent("#sector-COMMUNITY").contains("Priya Community"));

            page.check("#roles-" + hospital + "-CHAIR");
            page.click("[data-member='" + hospital + "'] >> text=Change roles");
            page.waitForSelector("#done");
            assertEquals("CHAIR, REVIEWER", page.textContent("[data-member='" + hospital + "'] .roles"));
            page.click("[data-member='" + spare + "'] >> text=Take off the team");
            page.waitForSelector("#done");
            assertEquals(0, page.locator("[data-member='" + spare + "']").count());
            assertTrue(page.textContent("#team-rule").contains("This team has a chair and reviewers from 2 sectors"));
            noSeriousViolations(page, "the team page with three sectors");
            Chromium.screenshot(page, "audit-team");

            page.click("text=Status: PLANNED");
            page.waitForURL("**/status");
            page.click("#to-COLLECTING");
            page.waitForSelector("#moved");
            assertEquals("COLLECTING", page.textContent("#current-status"));
            assertTrue(page.textContent("#history").contains("PLANNED"));
            assertTrue(page.isVisible("#move-CLOSED"), "the next step is explained before it is taken");
            assertTrue(page.textContent("#move-CLOSED").contains("can no longer register patients"));
            noSeriousViolations(page, "the status page of a collecting audit");
            Chromium.screenshot(page, "audit-status-collecting");

            page.navigate(base + "audits/" + auditId + "/setup");
            assertTrue(page.isVisible("#not-editable"));
            assertEquals(0, page.locator("#save").count(), "no save button once collecting");
            noSeriousViolations(page, "the fixed set-up page");
        }

        // The reviewer made on the spot signs in and sees the audit among theirs.
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), community, "community-secret-2026");
            page.navigate(base + "audits");
            assertTrue(page.textContent("#audits").contains(title));
            assertEquals(1, page.locator("#audits tbody tr").count(), "only their own audit");
            assertFalse(page.isVisible("#new-audit"), "creating audits is not offered");
            noSeriousViolations(page, "a reviewer's audits list");
        }
    }

    @Test
    void theLeadIsToldBeforeAndAfterPressingThatAnAuditWithoutAChairCannotCollectAndReopeningNeedsAReason() {
        String audit = Api.asAdmin().body(Api.auditBody("Chairless audit " + UUID.randomUUID())).post("/api/audits")
                .then().statusCode(201).extract().path("id");
        String lead = Api.user("lead", "COMMISSIONER", "COMMISSIONER");
        Api.member(audit, lead, "LEAD", "COMMISSIONER");
        Api.reviewerOn(audit, "HOSPITAL");
        Api.reviewerOn(audit, "COMMUNITY");
        String words = AuditTeam.RULE + " This audit has no chair yet.";

        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), lead, Api.PASSWORD);
            page.navigate(base + "audits/" + audit);
            page.click("#manage >> text=Status");
            page.waitForURL("**/status");
            assertEquals(words, page.textContent("#team-rule").strip().replaceAll("\\s+", " ")
                    .replace(" Add them on the team page.", ""));
            assertEquals(409, statusOfClick(page, "#to-COLLECTING"));
            assertEquals("Not moved: " + words, page.textContent("#refusal-COLLECTING").strip()
                    .replaceAll("\\s+", " "));
            Api.as(lead).body(Map.of("status", "COLLECTING")).post("/api/audits/" + audit + "/status").then()
                    .statusCode(409).body("detail", org.hamcrest.Matchers.equalTo(words));

            String chair = Api.user("chair", "HOSPITAL", "CHAIR");
            Api.member(audit, chair, "CHAIR", "HOSPITAL");
            page.navigate(base + "audits/" + audit + "/status");
            assertTrue(page.textContent("#team-rule").contains("This audit's team has a chair and reviewers from 2"
                    + " sectors."));
            page.click("#to-COLLECTING");
            page.waitForSelector("#moved");
            page.click("#to-CLOSED");
            page.waitForSelector("#moved");
            assertEquals("CLOSED", page.textContent("#current-status"));
            assertTrue(page.textContent("#move-COLLECTING").contains("The reason you give is kept"));
            assertEquals(400, statusOfClick(page, "#to-COLLECTING"));
            assertTrue(page.textContent("#refusal-COLLECTING").contains("needs a reason"));
            assertEquals("CLOSED", page.textContent("#current-status"));
            page.fill("#reason-COLLECTING", "Ward B's last day was missed");
            page.click("#to-COLLECTING");
            page.waitForSelector("#moved");
            assertEquals("COLLECTING", page.textContent("#current-status"));
            assertTrue(page.textContent("#history").contains("Ward B's last day was missed"));
            noSeriousViolations(page, "the status page after a reopening");
            Chromium.screenshot(page, "audit-status-reopened");
        }
    }

    @Test
    void theLeadChangesTheirOwnPlannedAuditAndAMistakeComesBackBesideItsField() {
        String audit = Api.asAdmin().body(Api.auditBody("Lead's audit " + UUID.randomUUID())).post("/api/audits")
                .then().statusCode(201).extract().path("id");
        String lead = Api.user("lead", "COMMUNITY", "REVIEWER");
        Api.member(audit, lead, "LEAD", "COMMUNITY");
        Api.collectingAudit(); // someone else's audit, not in the lead's list

        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), lead, Api.PASSWORD);
            page.navigate(base + "audits");
            assertEquals(1, page.locator("#audits tbody tr").count());
            page.click("#audits >> text=Set-up");
            page.waitForURL("**/audits/" + audit + "/setup");
            noSeriousViolations(page, "the set-up page");

            page.fill("#site", " ");
            page.fill("#title", "Winter audit, renamed");
            assertEquals(400, statusOfClick(page, "#save"));
            assertTrue(page.isVisible("#site-error"));
            assertEquals("Winter audit, renamed", page.inputValue("#title"));
            assertTrue(page.textContent("#setup-errors").contains("Site"));
            noSeriousViolations(page, "the refused set-up page");
            Chromium.screenshot(page, "audit-setup-refused");

            // Enter in a field saves the form; it never presses a ward's Remove button.
            page.fill("#site", "Riverside General Hospital");
            page.focus("#title");
            page.keyboard().press("Enter");
            page.waitForSelector("#saved");
            var saved = Api.asAdmin().get("/api/audits/" + audit).then().statusCode(200).extract().jsonPath();
            assertEquals("Winter audit, renamed", saved.getString("title"));
            assertEquals("Riverside General Hospital", saved.getString("site"));
            assertEquals(List.of("Ward A", "Ward B"), saved.getList("wards"));
        }
    }
}
