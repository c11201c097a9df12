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
}
