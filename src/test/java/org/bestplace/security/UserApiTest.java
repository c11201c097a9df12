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
}
