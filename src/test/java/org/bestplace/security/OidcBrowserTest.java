package org.bestplace.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import org.bestplace.Chromium;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sign-in through the identity provider in headless Chromium. The service is reached as
 * localhost and the provider as 127.0.0.1, two different sites, as a trust's provider is: the
 * browser's SameSite rules then apply to the way back just as they would in production.
 */
@QuarkusTest
@TestProfile(OidcSwitchedOn.class)
class OidcBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    @Test
    void aPersonSignsInAtTheProviderAndArrivesOnTheirStartPage() {
        String[] user = OidcSignInTest.userWithEmail("chromium");
        assertTrue(base.getHost().equals("localhost") && issuer.startsWith("http://127.0.0.1:"),
                "service and provider on different sites: " + base + " and " + issuer);
        try (BrowserContext context = chromium.context(1024, 768)) {
            Page page = context.newPage();
            page.navigate(base + "login");
            page.click("#oidc-sign-in");
            page.waitForURL(url -> url.startsWith(issuer + "/authorize"));
            page.fill("#username", "someone.else");
            page.fill("#email", user[1]);
            page.click("button[type=submit]");
            page.waitForURL(base.toString(), new Page.WaitForURLOptions().setTimeout(15_000));
            Chromium.screenshot(page, "oidc-signed-in");
            assertEquals("My audits", page.textContent("h1").strip());
            assertTrue(page.textContent("main").contains("Signed in as Dr chromium"), page.textContent("main"));
        }
    }
}
