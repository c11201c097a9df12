package org.bestplace.security;

import static io.restassured.RestAssured.given;
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
import org.bestplace.activity.SignInThrottle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The administrator's users pages and everyone's own account page in headless Chromium at desktop
 * size (1280x800), with axe-core on each page and screenshots under target/screenshots.
 */
@QuarkusTest
class UserPagesBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    private static void accessible(Page page) {
        assertEquals(List.of(), Axe.seriousViolations(page), page.url());
    }

    @Test
    void anAdministratorCreatesAUserChangesTheirRolesAndHandsOverATemporaryPassword() {
        String username = "nurse-" + UUID.randomUUID().toString().substring(0, 8);
        try (BrowserContext admin = chromium.context(1280, 800); BrowserContext person = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(admin, base.toString(), "admin", TestDatabase.ADMIN_PASSWORD);
            page.click("main a[href='/users']");
            page.waitForURL("**/users");
            accessible(page);
            Chromium.screenshot(page, "users");

            // A refusal: the form comes back with the values kept and the rule beside the password.
            page.fill("#username", username);
            page.fill("#displayName", "Community Nurse");
            page.fill("#email", username + "@community.example.nhs.uk");
            page.fill("#organisation", "Community Health Services");
            page.selectOption("#sector", "COMMUNITY");
            page.check("#role-REVIEWER");
            page.fill("#password", "too-short");
            page.click("text=Create user");
            page.waitForSelector("#password-error");
            assertTrue(page.textContent("#password-error").contains("at least 12 characters"));
            assertEquals(username, page.inputValue("#username"));
            assertEquals("Community Nurse", page.inputValue("#displayName"));
            assertEquals("COMMUNITY", page.inputValue("#sector"));
            assertTrue(page.isChecked("#role-REVIEWER"));
            assertEquals("", page.inputValue("#password"), "a password is never sent back");
            accessible(page);
            Chromium.screenshot(page, "users-refused");

            page.fill("#password", "first-password-for-the-nurse");
            page.click("text=Create user");
            page.waitForURL("**/users?created=" + username);
            assertTrue(page.textContent("tr[data-user='" + username + "']").contains("COMMUNITY"));
            assertTrue(page.textContent("tr[data-user='" + username + "'] td.state").contains("active"));

            page.click("a[href='/users/" + username + "']");
            page.waitForURL("**/users/" + username);
            accessible(page);
            page.uncheck("#role-REVIEWER");
            page.click("text=Save roles and sector");
            page.waitForSelector("#roles-error");
            assertTrue(page.textContent("#roles-error").contains("at least one role"));
            accessible(page);
            page.check("#role-REVIEWER");
            page.check("#role-CHAIR");
            page.selectOption("#sector", "HOSPITAL");
            page.click("text=Save roles and sector");
            page.waitForURL("**/users/" + username + "?done=roles");
            Api.asAdmin().get("/api/users").then().body("find { it.username == '" + username + "' }.roles",
                    org.hamcrest.Matchers.equalTo(List.of("REVIEWER", "CHAIR")))
                    .body("find { it.username == '" + username + "' }.sector", org.hamcrest.Matchers.equalTo("HOSPITAL"));

            page.fill("#password", "short");
            page.click("text=Set temporary password");
            page.waitForSelector("#password-error");
            page.fill("#password", "temporary-from-the-admin");
            page.click("text=Set temporary password");
            page.waitForURL("**/users/" + username + "?done=password");
            assertTrue(page.textContent("#state").contains("temporary password"));
            Chromium.screenshot(page, "user");

            // The person signs in with it: every page leads to the change-password page until changed.
            Page theirs = Chromium.signIn(person, base.toString(), username, "temporary-from-the-admin");
            theirs.waitForURL("**/account/password");
            assertTrue(theirs.isVisible("#must-change"));
            theirs.navigate(base + "account");
            assertTrue(theirs.url().endsWith("/account/password"), theirs.url());
            accessible(theirs);
            theirs.fill("#oldPassword", "temporary-from-the-admin");
            theirs.fill("#newPassword", "the-nurses-own-choice");
            theirs.fill("#repeatPassword", "the-nurses-own-choicE");
            theirs.click("button:has-text('Change my password')");
            theirs.waitForSelector("#repeatPassword-error");
            accessible(theirs);
            Chromium.screenshot(theirs, "password-refused");
            theirs.fill("#oldPassword", "temporary-from-the-admin");
            theirs.fill("#newPassword", "the-nurses-own-choice");
            theirs.fill("#repeatPassword", "the-nurses-own-choice");
            theirs.click("button:has-text('Change my password')");
            theirs.waitForURL("**/account?changed=true");
            assertTrue(theirs.textContent("#who").contains("Community Nurse"));
            assertTrue(theirs.textContent("#who").contains("REVIEWER, CHAIR"));
            accessible(theirs);
            Chromium.screenshot(theirs, "account");
            assertEquals(0, theirs.locator("header a[href='/users']").count(), "only administrators are offered Users");
            theirs.navigate(base.toString());
            assertTrue(theirs.isVisible("main a[href='/account']"));

            // Deactivated: the person's open page stops working at its next request.
            page.click("text=Deactivate " + username);
            page.waitForURL("**/users/" + username + "?done=deactivated");
            theirs.navigate(base + "account");
            assertTrue(theirs.url().contains("/login"), theirs.url());
            given().auth().preemptive().basic(username, "the-nurses-own-choice").get("/api/me").then().statusCode(401);
            page.click("text=Reactivate " + username);
            page.waitForURL("**/users/" + username + "?done=reactivated");
        }
    }

    @Test
    void anAdministratorUnlocksALockedUserAndEveryoneSeesTheirOwnAudits() {
        String user = Api.user("locked", "HOSPITAL", "REVIEWER");
        String audit = Api.collectingAudit();
        Api.member(audit, Api.user("other", "COMMUNITY", "REVIEWER"), "REVIEWER", "COMMUNITY");
        Api.member(audit, user, "REVIEWER", "HOSPITAL");
        for (int i = 0; i < SignInThrottle.LIMIT; i++) {
            given().auth().preemptive().basic(user, "guess-number-" + i).get("/api/me").then().statusCode(401);
        }
        try (BrowserContext admin = chromium.context(1280, 800); BrowserContext person = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(admin, base.toString(), "admin", TestDatabase.ADMIN_PASSWORD);
            page.click("header a[href='/users']");
            page.waitForURL("**/users");
            assertTrue(page.textContent("tr[data-user='" + user + "'] td.state").contains("locked"));
            page.click("a[href='/users/" + user + "']");
            accessible(page);
            Chromium.screenshot(page, "user-locked");
            page.click("text=Unlock sign-in");
            page.waitForURL("**/users/" + user + "?done=unlocked");
            assertEquals("active", page.textContent("#state").strip());

            Page theirs = Chromium.signIn(person, base.toString(), user, Api.PASSWORD);
            theirs.click("header a[href='/account']");
            theirs.waitForURL("**/account");
            assertTrue(theirs.textContent("#my-audits").contains("REVIEWER"));
            theirs.click("#my-audits a");
            theirs.waitForURL("**/audits/" + audit);
        }
    }
}
