package org.bestplace.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.bestplace.Api;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.junit.jupiter.api.Test;

/** With the default configuration, sign-in through an identity provider is off and leaves no door open. */
@QuarkusTest
class OidcOffTest {

    @Test
    void theSignInPageHasNoProviderLinkAndTheProviderPathStartsNoFlow() {
        given().get("/login").then().statusCode(200).body(containsString("j_password"))
                .body(not(containsString("/login/oidc"))).body(not(containsString("oidc-sign-in")));
        // Not signed in: the form's usual challenge, never a redirect to an identity provider.
        given().redirects().follow(false).get("/login/oidc").then().statusCode(302)
                .header("Location", endsWith("/login"));
    }

    @Test
    void aBearerTokenIsNotAccepted() throws Exception {
        String username = Api.user("bearer-off", "HOSPITAL", "REVIEWER");
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(OpenIdProvider.KEY_ID);
        String token = OpenIdProvider.sign(key, "http://127.0.0.1:8180/realm", Map.of("preferred_username", username,
                "sub", username));
        given().auth().oauth2(token).get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", matchesPattern("(?i)basic.*"));
        Api.as(username).get("/api/me").then().statusCode(200);
    }
}
