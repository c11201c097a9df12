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
}
