package org.bestplace.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.bestplace.Api;
import org.bestplace.Axe;
import org.bestplace.Chromium;
import org.bestplace.TestAudit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lead reads the guide on a laptop, goes from a step to the page that does it, and axe finds nothing serious. */
@QuarkusTest
class GuideBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @Test
    void theLeadFollowsTheGuideFromTheAuditHomeToItsResults() {
        TestAudit audit = TestAudit.create();
        try (BrowserContext context = chromium.context(1280, 800)) {
            Page page = Chromium.signIn(context, base.toString(), audit.lead(), Api.PASSWORD);
            page.navigate(base + "audits/" + audit.id());
            page.click("text=How to run this audit");
            assertEquals(base + "audits/" + audit.id() + "/guide", page.url());
            Chromium.screenshot(page, "guide-audit");
            assertEquals(List.of(), Axe.seriousViolations(page), "an audit's guide");
            page.click("#brief >> text=The commissioning brief");
            assertEquals(base + "audits/" + audit.id() + "/brief", page.url());
            page.navigate(base + "guide");
            Chromium.screenshot(page, "guide-general");
            assertEquals(List.of(), Axe.seriousViolations(page), "the general guide");
        }
    }
}
