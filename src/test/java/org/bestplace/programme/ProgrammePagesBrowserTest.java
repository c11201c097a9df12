package org.bestplace.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Axe;
import org.bestplace.Chromium;
import org.bestplace.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The programme pages in headless Chromium at 1280×800: an administrator makes a programme of
 * three audits from the form (a refusal comes back with the values kept), makes a programme lead,
 * and reads the pooled figure and the funnel; a commissioner on one audit reads the others as published.
 */
@QuarkusTest
class ProgrammePagesBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @Test
    void anAdministratorMakesAProgrammeAndReadsItsPooledFigureAndFunnel() {
        String a = ProgrammeApiTest.audit("Newcastle", 12, 4);
        String b = ProgrammeApiTest.audit("Sunderland", 20, 8);
        String c = ProgrammeApiTest.audit("Durham", 9, 3);
        String other = ProgrammeApiTest.auditOnAnotherCriteriaSet();
        String commissioner = Api.user("commissioner", "COMMISSIONER", "COMMISSIONER");
        Api.member(a, commissioner, "COMMISSIONER", "COMMISSIONER");
        String lead = Api.user("programme-lead", "COMMISSIONER", "COMMISSIONER");
        String title = "North-East census, March 2027 " + UUID.randomUUID().toString().substring(0, 6);
        String programmeUrl;
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), "admin", TestDatabase.ADMIN_PASSWORD);
            page.click("#programmes-link");
            page.waitForURL("**/programmes");
            page.fill("#title", title);
            for (String id : List.of(a, b, other)) {
                page.check("#audit-" + id);
            }
            page.click("#programme-form button[type=submit]");
            assertTrue(page.textContent("#auditIds-error").contains("one criteria set"), page.textContent("#auditIds-error"));
            assertEquals(title, page.inputValue("#title"), "the title is kept");
            assertTrue(page.isChecked("#audit-" + a) && page.isChecked("#audit-" + b) && page.isChecked("#audit-" + other),
                    "the ticks are kept");
            assertEquals(List.of(), Axe.seriousViolations(page));
            page.uncheck("#audit-" + other);
            page.check("#audit-" + c);
            page.click("#programme-form button[type=submit]");
            page.waitForURL(url -> url.matches(".*/programmes/\\d+$"));
            programmeUrl = page.url();
            assertEquals("Programme: " + title, page.textContent("h1").strip());
            // 15 of 41 (ProgrammeFiguresTest works it by hand)
            assertEquals("36.6%", page.textContent("#pooled-percent").strip());
            assertTrue(page.textContent("section[aria-labelledby=pooled]").contains("23.6% to 51.9%"));
            assertEquals(3, page.locator("#programme-audits tbody tr").count());
            assertTrue(page.isVisible("svg.funnel-plot"), "the funnel is drawn");
            assertEquals(3, page.locator("#funnel-points tbody tr").count());
            page.selectOption("#username", lead);
            page.click("#member-form button[type=submit]");
            page.waitForURL("**?saved=yes");
            assertTrue(page.textContent("#programme-members").contains(lead));
            assertEquals(List.of(), Axe.seriousViolations(page));
            Chromium.screenshot(page, "programme");
        }
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), commissioner, Api.PASSWORD);
            page.click("#programmes-link");
            page.click("text=" + title);
            page.waitForURL(programmeUrl);
            assertTrue(page.isVisible("#publication-rule"));
            List<String> modes = page.locator("#programme-audits td.mode").allTextContents().stream()
                    .map(String::strip).toList();
            assertEquals(List.of("exact", "as published", "as published"), modes);
            assertEquals(List.of("4", "*", "*"), page.locator("#programme-audits td.not-qualifying").allTextContents()
                    .stream().map(String::strip).toList());
            assertTrue(page.textContent("#funnel-left-off").contains("Sunderland"), "hidden counts are not drawn");
            assertTrue(page.isVisible("svg.funnel-plot"));
            assertEquals(0, page.locator("#member-form").count(), "only an administrator changes the team");
            assertEquals(List.of(), Axe.seriousViolations(page));
            Chromium.screenshot(page, "programme-published");
        }
    }
    /**
     * An administrator renames a programme of two audits and adds a third from its page (a refusal
     * comes back with the values kept); the audits' results pages then name the programme to those
     * who read it, with a link, and not to a reviewer of the audit, who does not read it.
     */
    @Test
    void anAdministratorRenamesAProgrammeAndAddsAnAuditFromItsPage() {
        String a = ProgrammeApiTest.audit("Blyth", 2, 1);
        String b = ProgrammeApiTest.audit("Morpeth", 3, 1);
        String c = ProgrammeApiTest.audit("Alnwick", 1, 0);
        String commissioner = Api.user("commissioner", "COMMISSIONER", "COMMISSIONER");
        Api.member(a, commissioner, "COMMISSIONER", "COMMISSIONER");
        String reviewer = Api.reviewerOn(a, "COMMUNITY");
        String programme = Api.asAdmin().body(java.util.Map.of("title", "Northumberland " + UUID.randomUUID(),
                "auditIds", List.of(a, b))).post("/api/programmes").then().statusCode(201).extract().path("id");
        String title = "Northumberland census, April 2027 " + UUID.randomUUID().toString().substring(0, 6);
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), "admin", TestDatabase.ADMIN_PASSWORD);
            page.navigate(base + "programmes/" + programme);
            assertTrue(page.isChecked("#edit-audit-" + a) && page.isChecked("#edit-audit-" + b)
                    && !page.isChecked("#edit-audit-" + c), "its audits are ticked");
            page.fill("#edit-title", " ");
            page.check("#edit-audit-" + c);
            page.click("#edit-form button[type=submit]");
            assertTrue(page.textContent("#edit-title-error").contains("title"), page.textContent("#edit-title-error"));
            assertTrue(page.isChecked("#edit-audit-" + c), "the ticks are kept");
            assertEquals(List.of(), Axe.seriousViolations(page));
            page.fill("#edit-title", title);
            page.click("#edit-form button[type=submit]");
            page.waitForURL(url -> url.matches(".*/programmes/" + programme + "(\\?.*)?$"));
            assertEquals("Programme: " + title, page.textContent("h1").strip());
            assertEquals(3, page.locator("#programme-audits tbody tr").count());
            assertEquals(title, page.inputValue("#edit-title"));
            assertTrue(page.isChecked("#edit-audit-" + c));
            assertEquals(List.of(), Axe.seriousViolations(page));
            Chromium.screenshot(page, "programme-edited");
            page.navigate(base + "audits/" + c + "/results");
            page.click("#audit-programmes a:text-is('" + title + "')");
            page.waitForURL("**/programmes/" + programme);
            page.navigate(base + "audits/" + a + "/results");
            assertEquals(List.of(), Axe.seriousViolations(page));
        }
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), commissioner, Api.PASSWORD);
            page.navigate(base + "audits/" + a + "/results");
            assertTrue(page.textContent("#audit-programmes").contains(title), "a reader of the programme sees it");
            assertEquals(0, page.locator("#edit-form").count());
        }
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), reviewer, Api.PASSWORD);
            page.navigate(base + "audits/" + a + "/results");
            assertTrue(page.textContent("h1").contains("Results"), page.textContent("h1"));
            assertEquals(0, page.locator("#audit-programmes").count(), "a reviewer does not read the programme");
        }
    }
}
