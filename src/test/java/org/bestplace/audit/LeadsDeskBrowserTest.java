package org.bestplace.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bestplace.Api;
import org.bestplace.Axe;
import org.bestplace.Chromium;
import org.bestplace.Db;
import org.bestplace.MovableClock;
import org.bestplace.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An audit run from the desk with the pages alone, as a lead new to Bestplace would: the
 * administrator signs in at the start page (1280×800), makes three people of three sectors,
 * creates an audit on two wards for next week with the shipped criteria set, puts a chair and
 * reviewers of three sectors on its team and starts it collecting; on the audit's first day a
 * reviewer signs in on a tablet (768×1024) and registers a patient. Every page is reached by a
 * link or a button from the one before, never by typing an address; axe-core checks each page and
 * each step leaves a screenshot under target/screenshots/LeadsDeskBrowserTest.
 */
@QuarkusTest
class LeadsDeskBrowserTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @Inject
    MovableClock clock;

    @Inject
    AgroalDataSource dataSource;

    private final List<String> visited = new ArrayList<>();

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** A step's page: axe-core finds nothing serious on it, and its screenshot is kept. */
    private void step(Page page, String name) {
        page.waitForLoadState();
        assertEquals(List.of(), Axe.seriousViolations(page), "axe-core on " + name + " (" + page.url() + ")");
        Chromium.screenshot(page, "LeadsDeskBrowserTest/" + String.format("%02d", visited.size() + 1) + "-" + name);
        visited.add(name);
    }

    /** Starts at the start page, which sends someone not signed in to the sign-in form. */
    private Page signInFromTheStart(BrowserContext context, String username, String password, String who) {
        Page page = context.newPage();
        page.setDefaultTimeout(10000);
        page.navigate(base.toString());
        page.waitForSelector("#j_username");
        step(page, who + "-sign-in");
        page.fill("#j_username", username);
        page.fill("#j_password", password);
        page.click("button[type=submit]:has-text('Sign in')");
        page.waitForURL(url -> url.equals(base.toString()));
        step(page, who + "-start");
        return page;
    }

    private void createUser(Page page, String username, String name, String organisation, String sector) {
        page.fill("#username", username);
        page.fill("#displayName", name);
        page.fill("#organisation", organisation);
        page.selectOption("#sector", sector);
        page.check("#role-REVIEWER");
        page.fill("#password", "first-password-" + sector.toLowerCase());
        page.click("button:has-text('Create user')");
        page.waitForURL("**/users?created=" + username);
        assertTrue(page.textContent("tr[data-user='" + username + "']").contains(sector));
        step(page, "users-created-" + sector.toLowerCase());
    }

    private void addToTeam(Page page, String username, String role) {
        page.selectOption("#add-username", username);
        page.selectOption("#add-role", role);
        page.click("#add-member");
        page.waitForSelector("#done");
        assertTrue(page.textContent("[data-member='" + username + "'] .roles").contains(role));
    }

    @Test
    void anAdministratorSetsUpAndStaffsAnAuditInTheBrowserAndAReviewerRegistersThePatientOnItsFirstDay()
            throws SQLException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String hospital = "hosp-" + run;
        String community = "comm-" + run;
        String commissioner = "icb-" + run;
        String chair = "chair-" + run;
        String title = "Winter wards " + run;
        LocalDate today = LocalDate.ofInstant(clock.now(), LONDON);
        LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate sunday = monday.plusDays(6);
        String auditId;

        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = signInFromTheStart(context, "admin", TestDatabase.ADMIN_PASSWORD, "admin");

            // Three people, one of each sector, on the users page.
            page.click("main a:has-text('Users')");
            page.waitForURL("**/users");
            step(page, "users");
            createUser(page, hospital, "Hana Hospital", "Riverside General Hospital", "HOSPITAL");
            createUser(page, community, "Colm Community", "Riverside Community Health", "COMMUNITY");
            createUser(page, commissioner, "Mina Commissioner", "Riverside Integrated Care Board", "COMMISSIONER");

            // A new audit on two wards for next week, on the shipped set.
            page.click("header a.brand");
            page.waitForURL(url -> url.equals(base.toString()));
            page.click("main a:has-text('Audits')");
            page.waitForURL("**/audits");
            step(page, "audits");
            page.click("a:has-text('Create an audit')");
            page.waitForURL("**/audits/new");
            step(page, "audit-new");
            page.fill("#title", title);
            page.fill("#question", "Of the adult inpatients on Ward A and Ward B, how many could be cared for"
                    + " somewhere better, where, and what keeps them in hospital?");
            page.fill("#site", "Riverside General Hospital");
            page.fill("#ward-0", "Ward A");
            page.fill("#ward-1", "Ward B");
            page.fill("#startDate", monday.toString());
            page.fill("#endDate", sunday.toString());
            String shipped = page.locator("#criteriaSet option", new Page.LocatorOptions()
                    .setHasText(Api.SET_ID + ", version " + Api.SET_VERSION)).getAttribute("value");
            page.selectOption("#criteriaSet", shipped);
            page.fill("#dualReviewRate", "20");
            step(page, "audit-new-filled");
            page.click("button:has-text('Create the audit')");
            page.waitForURL("**/team?created=true");
            auditId = page.url().replaceAll(".*/audits/(\\d+)/team.*", "$1");
            step(page, "team-empty");

            // A chair, made on the spot, and a reviewer from each sector.
            page.fill("#new-username", chair);
            page.fill("#new-displayName", "Dr Rhys Chair");
            page.fill("#new-organisation", "Riverside General Hospital");
            page.selectOption("#new-sector", "HOSPITAL");
            page.fill("#new-password", "the-chairs-first-password");
            page.selectOption("#new-role", "CHAIR");
            page.click("#create-member");
            page.waitForSelector("#done");
            assertTrue(page.textContent("[data-member='" + chair + "'] .roles").contains("CHAIR"));
            step(page, "team-chair");
            addToTeam(page, hospital, "REVIEWER");
            addToTeam(page, community, "REVIEWER");
            addToTeam(page, commissioner, "REVIEWER");
            for (String sector : List.of("HOSPITAL", "COMMUNITY", "COMMISSIONER")) {
                assertTrue(page.locator("#sector-" + sector + " .member").count() > 0, sector + " on the team");
            }
            assertTrue(page.textContent("#team-rule").contains("a chair and reviewers from 3 sectors"),
                    page.textContent("#team-rule"));
            step(page, "team-three-sectors");

            // Collecting.
            page.click("main a:has-text('Status: PLANNED')");
            page.waitForURL("**/audits/" + auditId + "/status");
            step(page, "status-planned");
            page.click("#to-COLLECTING");
            page.waitForSelector("#moved");
            assertEquals("COLLECTING", page.textContent("#current-status"));
            step(page, "status-collecting");
        }

        var made = Api.asAdmin().get("/api/audits/" + auditId).then().statusCode(200).extract().jsonPath();
        assertEquals(title, made.getString("title"));
        assertEquals("COLLECTING", made.getString("status"));
        assertEquals(List.of("Ward A", "Ward B"), made.getList("wards"));
        assertEquals(monday.toString(), made.getString("startDate"));
        assertEquals(sunday.toString(), made.getString("endDate"));
        assertEquals(Api.SET_ID, made.getString("criteriaSet.id"));
        assertEquals(Api.SET_VERSION, made.getString("criteriaSet.version"));
        assertEquals(3L, Db.number(dataSource, "select count(distinct sector) from audit_member where audit_id = ?"
                + " and role = 'REVIEWER'", Long.valueOf(auditId)), "reviewers of three sectors");
        assertEquals(chair, Db.value(dataSource, "select u.username from audit_member m join app_user u on u.id ="
                + " m.user_id where m.audit_id = ? and m.role = 'CHAIR'", Long.valueOf(auditId)));

        // Monday morning of next week, on Ward B: the community reviewer's tablet.
        clock.set(monday.atTime(9, 30).atZone(LONDON).toInstant());
        try (BrowserContext tablet = chromium.context(768, 1024)) {
            Page page = signInFromTheStart(tablet, community, "first-password-community", "reviewer");
            page.click("main a:has-text('" + title + "')");
            page.waitForURL("**/audits/" + auditId);
            assertTrue(page.textContent("main").contains(monday.toString()), "the audit's day is today");
            step(page, "reviewer-audit-home");
            page.click("main a:has-text('Ward B')");
            page.waitForURL("**/audits/" + auditId + "/wards/Ward%20B");
            step(page, "reviewer-ward");
            page.selectOption("#specialty", "General medicine");
            page.selectOption("#ageBand", "75-84");
            page.selectOption("#sex", "FEMALE");
            page.fill("#admissionDate", monday.minusDays(4).toString());
            page.click("#registration-form button[type=submit]");
            page.waitForSelector(".notice:has-text('Registered case')");
            step(page, "reviewer-registered");
        }
        clock.reset();

        assertEquals(1L, Db.number(dataSource, "select count(*) from patient_case where audit_id = ?",
                Long.valueOf(auditId)));
        assertEquals("Ward B|" + community + "|" + monday.minusDays(4), Db.value(dataSource,
                "select concat(ward, '|', created_by, '|', admission_date) from patient_case where audit_id = ?",
                Long.valueOf(auditId)));
    }
}
