package org.bestplace.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.bestplace.Api;
import org.bestplace.Db;
import org.bestplace.Pages;
import org.junit.jupiter.api.Test;

/**
 * Sign-in sessions live in the database: signing out, a password change, a deactivation or the
 * absolute lifetime ends them, and every copy of the service reads that from the table.
 */
@QuarkusTest
class SessionTest {

    @Inject
    AgroalDataSource dataSource;

    static void opens(String session) {
        given().cookie("quarkus-credential", session).redirects().follow(false).get("/").then().statusCode(200);
    }

    static void refused(String session) {
        given().cookie("quarkus-credential", session).redirects().follow(false).get("/").then().statusCode(302)
                .header("Location", containsString("/login"));
    }

    private long userId(String username) throws Exception {
        return Db.number(dataSource, "select id from app_user where username = ?", username);
    }

    @Test
    void signingOutEndsTheSessionAtTheServer() throws Exception {
        String user = Api.user("leaver", "HOSPITAL", "REVIEWER");
        String session = Pages.signIn(user, Api.PASSWORD).cookie();
        String other = Pages.signIn(user, Api.PASSWORD).cookie();
        opens(session);
        given().cookie("quarkus-credential", session).redirects().follow(false).get("/logout").then().statusCode(303);
        refused(session);
        opens(other);
        assertEquals(1, Db.number(dataSource, "select count(*) from user_session where user_id = ?"
                + " and ended_at is not null", userId(user)));
    }

    @Test
    void aSessionEndedInTheDatabaseIsRefusedAtTheNextRequest() throws Exception {
        String user = Api.user("revoked", "HOSPITAL", "REVIEWER");
        String session = Pages.signIn(user, Api.PASSWORD).cookie();
        opens(session);
        // What another copy of the service would do on sign-out: only the shared table changes.
        assertEquals(1, Db.execute(dataSource, "update user_session set ended_at = current_timestamp(6)"
                + " where user_id = ?", userId(user)));
        refused(session);
    }

    @Test
    void aSessionPastItsAbsoluteLifetimeIsRefusedThoughInUse() throws Exception {
        String user = Api.user("marathon", "HOSPITAL", "REVIEWER");
        String session = Pages.signIn(user, Api.PASSWORD).cookie();
        opens(session);
        // Used a moment ago, but begun longer ago than the 12-hour lifetime.
        Db.execute(dataSource, "update user_session set created_at = created_at - interval 13 hour,"
                + " last_seen = current_timestamp(6) where user_id = ?", userId(user));
        refused(session);
    }

    @Test
    void aSessionIdleLongerThanTheTimeoutIsRefused() throws Exception {
        String user = Api.user("idle", "HOSPITAL", "REVIEWER");
        String session = Pages.signIn(user, Api.PASSWORD).cookie();
        Db.execute(dataSource, "update user_session set created_at = created_at - interval 9 hour,"
                + " last_seen = last_seen - interval 9 hour where user_id = ?", userId(user));
        refused(session);
    }

    @Test
    void aPasswordChangeEndsEveryOneOfTheUsersSessions() throws Exception {
        String user = Api.user("changer", "HOSPITAL", "REVIEWER");
        String first = Pages.signIn(user, Api.PASSWORD).cookie();
        String second = Pages.signIn(user, Api.PASSWORD).cookie();
        String bystander = Api.user("bystander", "HOSPITAL", "REVIEWER");
        String theirs = Pages.signIn(bystander, Api.PASSWORD).cookie();

        Api.as(user).body(Map.of("oldPassword", "not-the-old-password", "newPassword", "a-brand-new-password"))
                .post("/api/me/password").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("oldPassword"));
        opens(first);
        Api.as(user).body(Map.of("oldPassword", Api.PASSWORD, "newPassword", "short"))
                .post("/api/me/password").then().statusCode(400).body("field", equalTo("newPassword"));
        opens(first);

        Api.as(user).body(Map.of("oldPassword", Api.PASSWORD, "newPassword", "a-brand-new-password"))
                .post("/api/me/password").then().statusCode(204);
        refused(first);
        refused(second);
        opens(theirs);
        Api.as(user).get("/api/me").then().statusCode(401);
        given().auth().preemptive().basic(user, "a-brand-new-password").get("/api/me").then().statusCode(200);
        opens(Pages.signIn(user, "a-brand-new-password").cookie());
    }

    @Test
    void aDeactivatedUserIsRefusedEverywhereUntilReactivated() throws Exception {
        String user = Api.user("departed", "HOSPITAL", "REVIEWER");
        String session = Pages.signIn(user, Api.PASSWORD).cookie();
        String reviewer = Api.user("peer", "HOSPITAL", "REVIEWER");
        Api.as(reviewer).post("/api/users/" + user + "/deactivation").then().statusCode(403);
        opens(session);

        Api.asAdmin().post("/api/users/" + user + "/deactivation").then().statusCode(200)
                .body("active", equalTo(false));
        refused(session);
        Api.as(user).get("/api/me").then().statusCode(401);
        Pages.signInRefused(user, Api.PASSWORD);
        Api.asAdmin().post("/api/users/nobody-by-this-name/deactivation").then().statusCode(404)
                .contentType("application/problem+json");

        Api.asAdmin().post("/api/users/" + user + "/reactivation").then().statusCode(200)
                .body("active", equalTo(true));
        refused(session);
        Api.as(user).get("/api/me").then().statusCode(200);
        opens(Pages.signIn(user, Api.PASSWORD).cookie());
    }

    @Test
    void eachSignInIsItsOwnSessionAndOnlyItsHashIsStored() throws Exception {
        String user = Api.user("hashed", "HOSPITAL", "REVIEWER");
        String first = Pages.signIn(user, Api.PASSWORD).cookie();
        String second = Pages.signIn(user, Api.PASSWORD).cookie();
        assertNotEquals(first, second);
        assertEquals(2, Db.number(dataSource, "select count(*) from user_session where user_id = ?"
                + " and length(token_hash) = 64", userId(user)));
    }

    /** A form post from the signed-in browser, with its anti-forgery cookie and token. */
    static io.restassured.response.Response post(Pages.Session session, String path, Map<String, String> form) {
        return session.request().cookie(org.bestplace.web.CsrfToken.COOKIE, session.csrfCookie()).redirects()
                .follow(false).accept("text/html").contentType("application/x-www-form-urlencoded").formParams(form)
                .formParam(org.bestplace.web.CsrfToken.FIELD, session.csrfToken()).post(path);
    }

    private long logged(String event, String username, String detail) throws Exception {
        return Db.number(dataSource, "select count(*) from activity_log where event = ? and username = ?"
                + " and detail like ?", event, username, "%" + detail + "%");
    }

    @Test
    void aDeactivatedUsersSessionAndHttpBasicAreRefusedAtTheNextRequestAndTheLogSaysWhoDidIt() throws Exception {
        String user = Api.user("deactivated", "COMMUNITY", "REVIEWER");
        String session = Pages.signIn(user, Api.PASSWORD).cookie();
        opens(session);
        Api.as(user).get("/api/me").then().statusCode(200);

        Api.asAdmin().post("/api/users/" + user + "/deactivation").then().statusCode(200);
        refused(session);
        Api.as(user).get("/api/me").then().statusCode(401);
        assertEquals(1, logged("ROLE_CHANGE", "admin", "Deactivated user " + user + "; 1 open session(s) ended"));
        // The refusal also expires the cookie: kept, the sign-in page it leads to would refuse it again, round and round.
        java.util.List<String> cookies = given().cookie("quarkus-credential", session).redirects().follow(false)
                .accept("text/html").get("/account").then().statusCode(302).extract().headers().getValues("Set-Cookie");
        org.junit.jupiter.api.Assertions.assertTrue(cookies.stream().anyMatch(c -> c.startsWith("quarkus-credential=;")
                && c.contains("Max-Age=0") && c.contains("Path=/")), cookies.toString());
    }

    @Test
    void aPasswordChangeIsInTheActivityLogUnderTheUsersOwnName() throws Exception {
        String user = Api.user("logged-change", "HOSPITAL", "REVIEWER");
        String other = Pages.signIn(user, Api.PASSWORD).cookie();
        Api.as(user).body(Map.of("oldPassword", Api.PASSWORD, "newPassword", "a-brand-new-password"))
                .post("/api/me/password").then().statusCode(204);
        refused(other);
        assertEquals(1, logged("PASSWORD_CHANGE", user, "Changed their own password; 1 other session(s) ended"));
    }

    @Test
    void aPasswordChangedOnTheAccountPageEndsTheOtherSessionsAndThisOneGoesOn() throws Exception {
        String user = Api.user("page-change", "HOSPITAL", "REVIEWER");
        Pages.Session here = Pages.signIn(user, Api.PASSWORD);
        String elsewhere = Pages.signIn(user, Api.PASSWORD).cookie();

        // Each refusal comes back as the form with its message, and changes nothing.
        post(here, "/account/password", Map.of("oldPassword", "not-my-password-at-all", "newPassword",
                "a-brand-new-password", "repeatPassword", "a-brand-new-password")).then().statusCode(400)
                .body(containsString("That is not your current password."));
        post(here, "/account/password", Map.of("oldPassword", Api.PASSWORD, "newPassword", "short",
                "repeatPassword", "short")).then().statusCode(400)
                .body(containsString("A password needs at least 12 characters."));
        post(here, "/account/password", Map.of("oldPassword", Api.PASSWORD, "newPassword", "a-brand-new-password",
                "repeatPassword", "a-brand-new-passwort")).then().statusCode(400)
                .body(containsString("The two new passwords differ"));
        opens(elsewhere);
        Api.as(user).get("/api/me").then().statusCode(200);

        post(here, "/account/password", Map.of("oldPassword", Api.PASSWORD, "newPassword", "a-brand-new-password",
                "repeatPassword", "a-brand-new-password")).then().statusCode(303)
                .header("Location", containsString("/account?changed=true"));
        opens(here.cookie());
        refused(elsewhere);
        Api.as(user).get("/api/me").then().statusCode(401);
        given().auth().preemptive().basic(user, "a-brand-new-password").get("/api/me").then().statusCode(200);
        assertEquals(1, logged("PASSWORD_CHANGE", user, "Changed their own password; 1 other session(s) ended"));
    }

    @Test
    void aTemporaryPasswordMustBeChangedBeforeAnythingElse() throws Exception {
        String user = Api.user("temporary", "COMMISSIONER", "COMMISSIONER");
        String before = Pages.signIn(user, Api.PASSWORD).cookie();
        String temporary = "handed-over-by-phone";
        Api.asAdmin().body(Map.of("password", temporary)).post("/api/users/" + user + "/temporary-password").then()
                .statusCode(200).body("passwordMustChange", equalTo(true));
        refused(before);
        assertEquals(1, logged("PASSWORD_CHANGE", "admin", "Set a temporary password for " + user));

        // The API: only /api/me and the password change answer.
        var basic = given().auth().preemptive().basic(user, temporary);
        basic.get("/api/me").then().statusCode(200).body("username", equalTo(user));
        given().auth().preemptive().basic(user, temporary).get("/api/audits").then().statusCode(403)
                .contentType("application/problem+json").body("title", equalTo("Password change needed"))
                .body("detail", containsString("/api/me/password"));
        given().auth().preemptive().basic(user, temporary).get("/api/criteria-sets").then().statusCode(403);

        // The pages: signed in with it, every page leads to the change-password page.
        String cookie = Pages.submitSignIn(user, temporary).then().statusCode(302).extract()
                .cookie(Pages.SESSION_COOKIE);
        for (String page : java.util.List.of("/", "/account", "/comparisons")) {
            given().cookie(Pages.SESSION_COOKIE, cookie).accept("text/html").redirects().follow(false).get(page)
                    .then().statusCode(303).header("Location", containsString("/account/password"));
        }
        var form = given().cookie(Pages.SESSION_COOKIE, cookie).accept("text/html").get("/account/password");
        form.then().statusCode(200).body(containsString("set by an administrator"));
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([A-Za-z0-9_-]+)\"")
                .matcher(form.asString());
        org.junit.jupiter.api.Assertions.assertTrue(token.find());
        Pages.Session session = new Pages.Session(cookie, form.getCookie(org.bestplace.web.CsrfToken.COOKIE),
                token.group(1));
        post(session, "/account/password", Map.of("oldPassword", temporary, "newPassword", temporary,
                "repeatPassword", temporary)).then().statusCode(400)
                .body(containsString("Choose a new password, not the current one again."));
        post(session, "/account/password", Map.of("oldPassword", temporary, "newPassword", "my-very-own-password",
                "repeatPassword", "my-very-own-password")).then().statusCode(303);
        opens(cookie);
        given().auth().preemptive().basic(user, "my-very-own-password").get("/api/audits").then().statusCode(200);
        Api.asAdmin().get("/api/users").then().statusCode(200)
                .body("find { it.username == '" + user + "' }.passwordMustChange", equalTo(false));
    }
}
