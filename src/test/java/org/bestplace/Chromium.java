package org.bestplace;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium driven headless by Playwright, started once for a test class and closed
 * after it: a class declares {@code @RegisterExtension static final Chromium chromium = new Chromium();}.
 * Screenshots go under target/.
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private Playwright playwright;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        // Each Playwright unpacks its own driver (1-2 s), hence one per class rather than per test.
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        browser = null;
        playwright = null;
    }

    /** A fresh browser (own cookies) of the given size. */
    public BrowserContext context(int width, int height) {
        // Bypassing the page's CSP lets a test inject axe-core; the pages' own scripts obey it anyway.
        return patient(browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setBypassCSP(true)));
    }

    /** A tablet-sized browser with JavaScript turned off. */
    public BrowserContext browserWithoutScript() {
        return patient(browser.newContext(new Browser.NewContextOptions().setViewportSize(768, 1024)
                .setJavaScriptEnabled(false)));
    }

    /**
     * Playwright gives up on a step after 30 s; a full-page screenshot on a 2-core machine that is also
     * running the service, its database and other builds has taken longer than that. A step that
     * really hangs still fails, after 90 s.
     */
    private static BrowserContext patient(BrowserContext context) {
        context.setDefaultTimeout(90_000);
        return context;
    }

    /** Signs in through the form and returns the page, now on the start page. */
    public static Page signIn(BrowserContext context, String base, String username, String password) {
        Page page = context.newPage();
        page.navigate(base + "login");
        page.fill("#j_username", username);
        page.fill("#j_password", password);
        page.click("button[type=submit]");
        page.waitForURL(url -> !url.contains("/login") && !url.contains("j_security_check"));
        return page;
    }

    public static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
