package org.bestplace.commissioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bestplace.Api;
import org.bestplace.Axe;
import org.bestplace.Chromium;
import org.bestplace.MovableClock;
import org.bestplace.TestAudit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The register, the new-action form and an action's page, in Chromium at desktop size. */
@QuarkusTest
class ActionPagesBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @Inject
    MovableClock clock;

    @BeforeEach
    void noonOnTheTwelfth() {
        clock.set(Instant.parse("2026-11-12T12:00:00Z"));
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void theChairTurnsADebriefLineIntoAnActionTheCommissionerAddsOneFromTheBriefAndOverdueStandsOut() {
        TestAudit audit = TestAudit.create();
        audit.dayOfReviews(Api.day(10));
        String debrief = "/api/audits/" + audit.id() + "/debriefs/2026-11-10";
        Api.as(audit.chair()).post(debrief + "/opening").then().statusCode(200);
        Api.as(audit.chair()).body(Map.of("notes", "Scans wait for Monday", "actions",
                List.of("Ask radiology for weekend slots"))).put(debrief).then().statusCode(200);
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), audit.chair(), Api.PASSWORD);
            page.navigate(base + "audits/" + audit.id() + "/debriefs/2026-11-10");
            page.click("#action-lines a.to-register");
            page.waitForURL("**/actions/new?**");
            assertEquals("Ask radiology for weekend slots", page.inputValue("#title"));
            assertEquals("From the debrief of 2026-11-10", page.inputValue("#finding"));
            page.check("#reason-HP-TESTS");
            page.selectOption("#ownerSector", "HOSPITAL");
            page.fill("#dueDate", "2026-11-11");
            page.click("button:text('Add to the register')");
            // no owner: the form comes back with the message by the field and everything kept
            assertTrue(page.textContent("#owner-error").contains("owner"));
            assertEquals("true", page.getAttribute("#owner", "aria-invalid"));
            assertEquals("Ask radiology for weekend slots", page.inputValue("#title"));
            assertTrue(page.isChecked("#reason-HP-TESTS"));
            assertEquals("2026-11-11", page.inputValue("#dueDate"));
            assertEquals(List.of(), Axe.seriousViolations(page));
            Chromium.screenshot(page, "action-new-refused");
            page.fill("#owner", "Dr Ada Morgan, radiology lead");
            page.click("button:text('Add to the register')");
            page.waitForURL("**/actions/*");
            assertTrue(page.isVisible("#overdue"), "due yesterday in the audit's calendar");

            page.selectOption("#status", "IN_PROGRESS");
            page.fill("#note", "Radiology asked; rota being drawn up");
            page.click("button:text('Save the update')");
            assertEquals("In progress", page.textContent("#status-now").strip());
            page.fill("#note", "Weekend slots agreed for a trial");
            page.fill("#decisionText", "Fund weekend CT sessions for three months");
            page.fill("#decidedBy", "Hospital executive board");
            page.fill("#decidedOn", "2026-11-12");
            page.click("button:text('Save the update')");
            assertTrue(page.textContent("#decision-now").contains("Fund weekend CT sessions"));
            assertEquals(3, page.locator("#history tbody tr").count(), "added, in progress, the decision");
            assertEquals(List.of(), Axe.seriousViolations(page));
            Chromium.screenshot(page, "action");

            // the same line again: the form says it is in the register already
            page.navigate(base + "audits/" + audit.id() + "/debriefs/2026-11-10/minutes");
            page.click("text=Add to the action register");
            assertTrue(page.isVisible("#already"));
        }
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), audit.commissioner(), Api.PASSWORD);
            // the link the commissioning brief gives beside a finding
            page.navigate(base + "audits/" + audit.id() + "/actions/new?finding=Waiting+for+home+care"
                    + "&reasonCodes=CC-HOME-CARE,SC-FUNDING");
            assertEquals("Waiting for home care", page.inputValue("#finding"));
            assertTrue(page.isChecked("#reason-CC-HOME-CARE") && page.isChecked("#reason-SC-FUNDING"));
            page.fill("#title", "Commission 20 more packages of home care");
            page.selectOption("#ownerSector", "COMMISSIONER");
            page.fill("#owner", "ICB community services lead");
            page.fill("#dueDate", "2027-01-31");
            page.click("button:text('Add to the register')");
            page.waitForURL("**/actions/*");
            page.navigate(base + "audits/" + audit.id() + "/actions");
            assertEquals(2, page.locator("#actions tbody tr").count());
            assertEquals(1, page.locator("#actions tr.overdue").count());
            assertTrue(page.locator("#actions tr.overdue").textContent().contains("Ask radiology"));
            assertTrue(page.textContent("#overdue-count").contains("1 overdue"));
            assertEquals(List.of(), Axe.seriousViolations(page));
            Chromium.screenshot(page, "action-register");
            page.selectOption("#sector", "COMMISSIONER");
            page.click("button:text('Show')");
            assertEquals(1, page.locator("#actions tbody tr").count());
            assertTrue(page.textContent("#actions").contains("Commission 20 more"));
        }
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), audit.hospital(), Api.PASSWORD);
            page.navigate(base + "audits/" + audit.id() + "/actions");
            assertEquals(2, page.locator("#actions tbody tr").count(), "every member reads the register");
            assertEquals(0, page.locator("text=Add an action").count());
            Response refused = page.navigate(base + "audits/" + audit.id() + "/actions/new");
            assertEquals(403, refused.status());
        }
    }
}
