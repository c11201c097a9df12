package org.bestplace.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bestplace.Api;
import org.bestplace.Db;
import org.bestplace.Pages;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.junit.jupiter.api.Test;

/**
 * Sign-in through a trust's identity provider, switched on and pointed at the test's own
 * {@link OpenIdProvider}; staff are matched by e-mail address.
 */
@QuarkusTest
@TestProfile(OidcSwitchedOn.class)
class OidcSignInTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    /** A Bestplace reviewer with an e-mail address; returns username and address. */
    static String[] userWithEmail(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@trust.example";
        Api.asAdmin().body(Map.of("username", username, "displayName", "Dr " + prefix, "email", email,
                        "organisation", "Test Trust", "sector", "HOSPITAL", "roles", List.of("REVIEWER"),
                        "password", Api.PASSWORD))
                .post("/api/users").then().statusCode(201).body("email", equalTo(email));
        return new String[] {username, email};
    }

    /** An access token from the provider for a person it knows by this username and address. */
    private String token(String providerUsername, String email) {
        return given().auth().preemptive().basic(OpenIdProvider.CLIENT_ID, OpenIdProvider.CLIENT_SECRET)
                .contentType("application/x-www-form-urlencoded").formParam("grant_type", "password")
                .formParam("username", providerUsername).formParam("email", email)
                .post(issuer + "/token").then().statusCode(200).extract().path("access_token");
    }

    @Test
    void aBearerTokenActsAsTheUserWithThatEmailAndSeesOnlyTheirAudits() {
        String audit = Api.collectingAudit();
        String other = Api.collectingAudit();
        String[] user = userWithEmail("bearer");
        Api.member(audit, user[0], "REVIEWER", "HOSPITAL");
        // The provider's own username for the person differs from Bestplace's, and the address's case too.
        String token = token("t." + user[0], user[1].toUpperCase());

        given().auth().oauth2(token).get("/api/me").then().statusCode(200).body("username", equalTo(user[0]));
        given().auth().oauth2(token).get("/api/audits/" + audit).then().statusCode(200).body("id", equalTo(audit));
        given().auth().oauth2(token).get("/api/audits/" + other).then().statusCode(404);
        // A reviewer's token carries the reviewer's rights and no more.
        given().auth().oauth2(token).get("/api/users").then().statusCode(403);
        // A BI tool may fetch a table of the export with the token; the internal one stays the commissioners'.
        given().auth().oauth2(token).get("/api/audits/" + audit + "/tables/by_ward.csv").then().statusCode(200)
                .contentType("text/csv");
        given().auth().oauth2(token).get("/api/audits/" + audit + "/tables/by_ward.csv?mode=internal").then()
                .statusCode(403);
        // HTTP Basic keeps working beside bearer tokens.
        Api.as(user[0]).get("/api/audits/" + audit).then().statusCode(200);
    }

    @Test
    void aTokenForSomeoneWithNoBestplaceUserIsRefusedAndLogged() throws Exception {
        // Bestplace has this username, but users are matched by e-mail, and nobody has this address.
        String existing = Api.user("named", "HOSPITAL", "REVIEWER");
        String stranger = "stranger-" + UUID.randomUUID().toString().substring(0, 8) + "@trust.example";
        Response refused = given().auth().oauth2(token(existing, stranger)).get("/api/audits");
        assertEquals(403, refused.statusCode(), refused.asString());
        assertEquals("application/problem+json", refused.contentType());
        assertTrue(refused.jsonPath().getString("detail").contains("no Bestplace user with the e-mail address "
                + stranger), refused.asString());
        assertTrue(RouteAccessTest.secureHeaders(refused), "security headers on the refusal");
        assertEquals(1, Db.activity(dataSource, "SIGN_IN_FAILED", stranger));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        String[] user = userWithEmail("forged");
        RsaJsonWebKey otherKey = RsaJwkGenerator.generateJwk(2048);
        otherKey.setKeyId(OpenIdProvider.KEY_ID);
        String forged = OpenIdProvider.sign(otherKey, issuer, OpenIdProvider.person(user[0], user[1]));
        given().auth().oauth2(forged).get("/api/me").then().statusCode(401);
        // The same claims signed by the provider itself are accepted.
        given().auth().oauth2(token(user[0], user[1])).get("/api/me").then().statusCode(200)
                .body("username", equalTo(user[0]));
    }

    @Test
    void aTokenMeantForAnotherApplicationIsRefused() {
        String[] user = userWithEmail("audience");
        String elsewhere = given().auth().preemptive().basic(OpenIdProvider.CLIENT_ID, OpenIdProvider.CLIENT_SECRET)
                .contentType("application/x-www-form-urlencoded").formParam("grant_type", "password")
                .formParam("username", user[0]).formParam("email", user[1]).formParam("audience", "rota-app")
                .post(issuer + "/token").then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(elsewhere).get("/api/me").then().statusCode(401);
        given().auth().oauth2(token(user[0], user[1])).get("/api/me").then().statusCode(200);
    }

    @Test
    void staffSignInThroughTheProviderAndLandOnTheirStartPage() throws Exception {
        String[] user = userWithEmail("browser");
        given().get("/login").then().statusCode(200)
                .body(containsString("href=\"/login/oidc\">Sign in with " + OidcSwitchedOn.PROVIDER_NAME + "</a>"));

        Response landing = signInAtProvider("someone", user[1]);
        assertEquals(200, landing.statusCode(), landing.asString());
        assertTrue(landing.asString().contains("signed in as " + user[0]), landing.asString());
        String session = landing.getCookie("quarkus-credential");
        assertNotNull(session, "the sign-in form's own session cookie is issued");
        given().cookie("quarkus-credential", session).redirects().follow(false).get("/").then().statusCode(200)
                .body(containsString("Signed in as Dr browser"));
        assertEquals(1, Db.activity(dataSource, "SIGN_IN", user[0]));
        assertEquals(1, Db.number(dataSource, "select count(*) from activity_log where event = 'SIGN_IN'"
                + " and username = ? and detail like '%OIDC%' and remote_address is not null", user[0]));

        // The sign-in form works as before beside it.
        assertTrue(Pages.signIn(user[0], Api.PASSWORD).page("/").contains("Signed in as Dr browser"));
    }

    @Test
    void someoneTheProviderKnowsButBestplaceDoesNotGetsNoSession() throws Exception {
        String stranger = "walk-in-" + UUID.randomUUID().toString().substring(0, 8) + "@trust.example";
        Response landing = signInAtProvider("walk-in", stranger);
        assertEquals(403, landing.statusCode(), landing.asString());
        assertTrue(landing.asString().contains("There is no Bestplace user with the e-mail address " + stranger),
                landing.asString());
        assertNull(landing.getCookie("quarkus-credential"));
        assertEquals(1, Db.activity(dataSource, "SIGN_IN_FAILED", stranger));
    }

    @Test
    void aLockedOrDeactivatedUserIsRefusedWithABearerTokenOrThroughTheProvider() throws Exception {
        String[] locked = userWithEmail("locked");
        for (int i = 0; i < org.bestplace.activity.SignInThrottle.LIMIT; i++) {
            given().auth().preemptive().basic(locked[0], "guess-number-" + i).get("/api/me").then().statusCode(401);
        }
        Response refused = given().auth().oauth2(token(locked[0], locked[1])).get("/api/me");
        assertEquals(403, refused.statusCode(), refused.asString());
        assertTrue(refused.jsonPath().getString("detail").contains("too many failed sign-ins"), refused.asString());
        Response landing = signInAtProvider("someone", locked[1]);
        assertEquals(403, landing.statusCode(), landing.asString());
        assertNull(landing.getCookie("quarkus-credential"));

        String[] departed = userWithEmail("departed");
        String session = signInAtProvider("someone", departed[1]).getCookie("quarkus-credential");
        given().cookie("quarkus-credential", session).redirects().follow(false).get("/").then().statusCode(200);
        Api.asAdmin().post("/api/users/" + departed[0] + "/deactivation").then().statusCode(200);
        given().cookie("quarkus-credential", session).redirects().follow(false).get("/").then().statusCode(302);
        given().auth().oauth2(token(departed[0], departed[1])).get("/api/me").then().statusCode(403)
                .body("detail", containsString("deactivated"));
    }

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\">");

    /**
     * A browser's way through the authorization-code flow, one hop at a time, carrying cookies
     * as a browser would: the service sends it to the provider, the person signs in there, the
     * provider sends it back with a code. Returns the service's last answer.
     */
    private Response signInAtProvider(String providerUsername, String email) {
        Map<String, String> cookies = new HashMap<>();
        Response start = given().redirects().follow(false).get("/login/oidc");
        assertEquals(302, start.statusCode());
        String authorize = start.header("Location");
        assertTrue(authorize.startsWith(issuer + "/authorize?"), authorize);
        cookies.putAll(start.getCookies());

        String page = given().urlEncodingEnabled(false).get(authorize).then().statusCode(200).extract().asString();
        Map<String, String> fields = new HashMap<>();
        Matcher hidden = HIDDEN.matcher(page);
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2).replace("&quot;", "\"").replace("&amp;", "&"));
        }
        assertTrue(fields.containsKey("state") && fields.containsKey("redirect_uri"), page);
        fields.put("username", providerUsername);
        fields.put("email", email);
        Response back = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParams(fields).post(issuer + "/authorize");
        assertEquals(302, back.statusCode());

        Response answer = given().redirects().follow(false).urlEncodingEnabled(false).cookies(cookies)
                .get(back.header("Location"));
        for (int hops = 0; answer.statusCode() == 302 && hops < 3; hops++) {
            cookies.putAll(answer.getCookies());
            cookies.values().removeIf(String::isEmpty);
            String next = answer.header("Location");
            assertTrue(next.contains("/login/oidc"), "stays on the service's sign-in path: " + next);
            answer = given().redirects().follow(false).urlEncodingEnabled(false).cookies(cookies).get(next);
        }
        return answer;
    }
}
