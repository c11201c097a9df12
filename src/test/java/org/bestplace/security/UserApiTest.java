package org.bestplace.security;

import static io.restassured.RestAssured.given;
import static org.bestplace.Api.as;
import static org.bestplace.Api.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bestplace.Api;
import org.bestplace.Pages;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AdminBootstrap bootstrap;

    @Test
    void anAdminCreatesUsersWithBcryptPasswords() throws Exception {
        String username = Api.user("nurse", "COMMUNITY", "REVIEWER");
        as(username).get("/api/me").then().statusCode(200)
                .body("username", equalTo(username)).body("sector", equalTo("COMMUNITY"))
                .body("roles", hasItem("REVIEWER"));
        asAdmin().get("/api/users").then().statusCode(200).body("username", hasItem(username))
                .body("password", not(hasItem(Api.PASSWORD)));
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("select password_hash from app_user where username = ?")) {
            s.setString(1, username);
            try (var r = s.executeQuery()) {
                r.next();
                assertTrue(r.getString(1).startsWith("$2"), "bcrypt hash expected");
            }
        }
    }

    @Test
    void weakPasswordsAndTakenNamesAreRefused() {
        asAdmin().body(Map.of("username", "shorty", "displayName", "S", "organisation", "T", "sector", "HOSPITAL",
                "roles", List.of("REVIEWER"), "password", "short")).post("/api/users")
                .then().statusCode(400).body("field", equalTo("password"));
        String taken = Api.user("taken", "HOSPITAL", "REVIEWER");
        asAdmin().body(Map.of("username", taken, "displayName", "S", "organisation", "T", "sector", "HOSPITAL",
                "roles", List.of("REVIEWER"), "password", "a-long-enough-password")).post("/api/users")
                .then().statusCode(409);
        asAdmin().body(Map.of("username", "x-role", "displayName", "S", "organisation", "T", "sector", "HOSPITAL",
                "roles", List.of("WIZARD"), "password", "a-long-enough-password")).post("/api/users")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void onlyAdminsManageUsersAndStrangersMustSignIn() {
        String reviewer = Api.user("reviewer", "HOSPITAL", "REVIEWER");
        as(reviewer).get("/api/users").then().statusCode(403);
        given().get("/api/me").then().statusCode(401);
        given().auth().preemptive().basic(reviewer, "wrong-password-123").get("/api/me").then().statusCode(401);
    }

    @Test
    void pagesAskForTheSignInForm() {
        given().redirects().follow(false).get("/").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.containsString("/login"));
        given().get("/login").then().statusCode(200).body(org.hamcrest.Matchers.containsString("j_security_check"));
    }

    @Test
    void theFirstAdminNeedsAConfiguredPasswordOutsideEmbeddedMode() {
        // Users exist here, so nothing is created whatever the configuration says.
        assertTrue(!bootstrap.ensureAdmin(Optional.empty(), false));
        assertThrows(IllegalStateException.class, () -> AdminBootstrap.passwordFor(Optional.empty(), false));
        assertTrue(AdminBootstrap.passwordFor(Optional.empty(), true).equals(AdminBootstrap.DEMO_PASSWORD));
        assertTrue(AdminBootstrap.passwordFor(Optional.of("configured-secret-1"), false).equals("configured-secret-1"));
    }

    private static io.restassured.response.ValidatableResponse create(String username) {
        return asAdmin().body(Map.of("username", username, "displayName", "Look-alike", "organisation", "T",
                "sector", "HOSPITAL", "roles", List.of("REVIEWER"), "password", "a-long-enough-password"))
                .post("/api/users").then();
    }

    /** Fullwidth letters and digits, which NFKC turns back into plain ones. */
    private static String fullwidth(String text) {
        StringBuilder wide = new StringBuilder();
        text.chars().forEach(c -> wide.append(c >= '!' && c <= '~' ? (char) (c - '!' + '\uFF01') : (char) c));
        return wide.toString();
    }

    @Test
    void aUsernameIsNormalisedOnceAndLookAlikesAreRefused() {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        create("Mixed.Case-" + suffix).statusCode(201).body("username", equalTo("mixed.case-" + suffix));
        given().auth().preemptive().basic("mixed.case-" + suffix, "a-long-enough-password").get("/api/me").then()
                .statusCode(200).body("username", equalTo("mixed.case-" + suffix));

        String taken = Api.user("original", "HOSPITAL", "REVIEWER");
        for (String lookAlike : List.of(taken.toUpperCase(), taken + " ", " " + taken, fullwidth(taken))) {
            create(lookAlike).statusCode(409).contentType("application/problem+json")
                    .body("field", equalTo("username"));
        }
        create("caf\u00e9-" + suffix).statusCode(400).body("field", equalTo("username"));
    }

    @Test
    void signInMatchesTheStoredUsernameExactly() {
        String user = Api.user("exact", "HOSPITAL", "REVIEWER");
        for (String other : List.of(user.toUpperCase(), user + " ", fullwidth(user))) {
            given().auth().preemptive().basic(other, Api.PASSWORD).get("/api/me").then().statusCode(401);
            Pages.signInRefused(other, Api.PASSWORD);
        }
        Api.as(user).get("/api/me").then().statusCode(200).body("username", equalTo(user));
    }

    private static Map<String, Object> newUser(String username) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("username", username);
        body.put("displayName", "Rule Tester");
        body.put("organisation", "Test Trust");
        body.put("sector", "HOSPITAL");
        body.put("roles", List.of("REVIEWER"));
        body.put("password", "a-long-enough-password");
        return body;
    }

    /** Each request has one thing wrong, and the answer names that field and says what the rule is. */
    @Test
    void everyCreationRuleNamesItsFieldAndCreatesNothing() {
        String name = "rules-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object[]> wrong = new java.util.LinkedHashMap<>();
        wrong.put("username", new Object[] {"x", "A username has 2 to 64 characters"});
        wrong.put("displayName", new Object[] {"  ", "Give the person's name"});
        wrong.put("email", new Object[] {"not an address", "An e-mail address looks like"});
        wrong.put("organisation", new Object[] {"", "Give the organisation"});
        wrong.put("sector", new Object[] {"HOSPITALS", "Choose the sector"});
        wrong.put("roles", new Object[] {List.of(), "at least one role"});
        wrong.put("password", new Object[] {"x".repeat(201), "at most 200 characters"});
        wrong.forEach((field, value) -> {
            Map<String, Object> body = newUser(name);
            body.put(field, value[0]);
            asAdmin().body(body).post("/api/users").then().statusCode(400).contentType("application/problem+json")
                    .body("field", equalTo(field)).body("detail", org.hamcrest.Matchers.containsString((String) value[1]));
        });
        asAdmin().get("/api/users").then().body("username", not(hasItem(name)));
    }

    @Test
    void rolesAndSectorChangeThroughTheApiAndEachRefusalSaysWhy() throws Exception {
        String user = Api.user("promoted", "HOSPITAL", "REVIEWER");
        String path = "/api/users/" + user + "/roles";
        as(user).body(Map.of("roles", List.of("ADMIN"))).put(path).then().statusCode(403);
        asAdmin().body(Map.of("roles", List.of())).put(path).then().statusCode(400).body("field", equalTo("roles"));
        asAdmin().body(Map.of("roles", List.of("WIZARD"))).put(path).then().statusCode(400)
                .body("field", equalTo("roles"));
        asAdmin().body(Map.of("roles", List.of("CHAIR"), "sector", "ELSEWHERE")).put(path).then().statusCode(400)
                .body("field", equalTo("sector"));
        asAdmin().body(Map.of("roles", List.of("ADMIN"))).put("/api/users/admin/roles").then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("Nobody changes their own roles"));
        asAdmin().body(Map.of("roles", List.of("CHAIR"))).put("/api/users/nobody-called-this/roles").then()
                .statusCode(404);
        as(user).get("/api/me").then().body("roles", equalTo(List.of("REVIEWER"))).body("sector", equalTo("HOSPITAL"));

        asAdmin().body(Map.of("roles", List.of("CHAIR", "REVIEWER"), "sector", "COMMUNITY")).put(path).then()
                .statusCode(200).body("roles", equalTo(List.of("REVIEWER", "CHAIR")))
                .body("sector", equalTo("COMMUNITY"));
        as(user).get("/api/me").then().body("roles", equalTo(List.of("REVIEWER", "CHAIR")))
                .body("sector", equalTo("COMMUNITY"));
        org.junit.jupiter.api.Assertions.assertEquals(1, org.bestplace.Db.number(dataSource,
                "select count(*) from activity_log where event = 'ROLE_CHANGE' and username = 'admin' and detail = ?",
                "Changed user " + user + ": roles [REVIEWER] to [CHAIR, REVIEWER], sector HOSPITAL to COMMUNITY"));
    }

    @Test
    void aTemporaryPasswordFollowsThePasswordRules() {
        String user = Api.user("forgetful", "HOSPITAL", "REVIEWER");
        String path = "/api/users/" + user + "/temporary-password";
        asAdmin().body(Map.of("password", "short")).post(path).then().statusCode(400).body("field", equalTo("password"));
        asAdmin().body(Map.of("password", "x-" + user + "-x-long")).post(path).then().statusCode(400)
                .body("detail", equalTo("A password must not contain the username."));
        as(Api.user("peer", "HOSPITAL", "REVIEWER")).body(Map.of("password", "a-long-enough-one")).post(path).then()
                .statusCode(403);
        asAdmin().body(Map.of("password", "a-long-enough-one")).post("/api/users/admin/temporary-password").then()
                .statusCode(403);
        asAdmin().body(Map.of("password", "a-long-enough-one")).post("/api/users/nobody-called-this/temporary-password")
                .then().statusCode(404);
        as(user).get("/api/audits").then().statusCode(200);
    }

    @Test
    void anAdministratorUnlocksAUserTheThrottleLockedAndTheUnlockIsRecorded() throws Exception {
        String user = Api.user("locked-out", "HOSPITAL", "REVIEWER");
        asAdmin().post("/api/users/" + user + "/unlock").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("is not locked out"));
        for (int i = 0; i < org.bestplace.activity.SignInThrottle.LIMIT; i++) {
            given().auth().preemptive().basic(user, "guess-number-" + i).get("/api/me").then().statusCode(401);
        }
        as(user).get("/api/me").then().statusCode(401);
        asAdmin().get("/api/users").then().body("find { it.username == '" + user + "' }.locked", equalTo(true));
        as(Api.user("peer", "HOSPITAL", "REVIEWER")).post("/api/users/" + user + "/unlock").then().statusCode(403);

        asAdmin().post("/api/users/" + user + "/unlock").then().statusCode(200).body("locked", equalTo(false));
        as(user).get("/api/me").then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertEquals(1, org.bestplace.Db.number(dataSource,
                "select count(*) from activity_log where event = 'SIGN_IN_UNLOCK' and username = 'admin' and detail like ?",
                "Unlocked the sign-in of " + user + " after % failed sign-ins"));
        // The failures before the unlock stay in the log, but no longer count: one more does not lock again.
        given().auth().preemptive().basic(user, "one-more-guess").get("/api/me").then().statusCode(401);
        as(user).get("/api/me").then().statusCode(200);
    }

    @Test
    void theUserListGivesTheLastSignIn() {
        String user = Api.user("listed", "COMMUNITY", "REVIEWER");
        asAdmin().get("/api/users").then().body("find { it.username == '" + user + "' }.lastSignIn",
                org.hamcrest.Matchers.nullValue());
        Pages.signIn(user, Api.PASSWORD);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> asAdmin()
                .get("/api/users").then().extract().jsonPath()
                .getString("find { it.username == '" + user + "' }.lastSignIn") != null);
        String last = asAdmin().get("/api/users").then().extract().jsonPath()
                .getString("find { it.username == '" + user + "' }.lastSignIn");
        java.time.Instant at = java.time.Instant.parse(last);
        assertTrue(java.time.Duration.between(at, java.time.Instant.now()).abs().getSeconds() < 120, last);
    }
}
