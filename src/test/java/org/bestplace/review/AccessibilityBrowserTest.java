package org.bestplace.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import org.bestplace.Api;
import org.bestplace.Axe;
import org.bestplace.Chromium;
import org.bestplace.security.AdminBootstrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** axe-core finds no serious or critical WCAG 2.1 AA violation on the reviewer's pages. */
@QuarkusTest
class AccessibilityBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    @Test
    void signInAuditHomeWardAndReviewPagesPassAxe() {
        String audit = Api.demoAudit();
        String caseId = Api.asAdmin().get("/api/audits/" + audit + "/cases").then().statusCode(200).extract()
                .path("[0].id");
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = context.newPage();
            page.navigate(base + "login");
            Chromium.screenshot(page, "sign-in");
            int pages = 0;
            assertEquals(List.of(), Axe.seriousViolations(page), "sign-in page");
            pages++;
            page = Chromium.signIn(context, base.toString(), "reviewer-c1", AdminBootstrap.DEMO_PASSWORD);
            for (String path : List.of("", "audits/" + audit, "audits/" + audit + "/wards/Ward%207%20Acute%20Medicine",
                    "audits/" + audit + "/cases/" + caseId + "/review?date=" + LocalDate.now())) {
                page.navigate(base + path);
                assertEquals(List.of(), Axe.seriousViolations(page), "page /" + path);
                pages++;
            }
            System.out.println("axe-core 4.14.1: no serious or critical violation on " + pages + " pages");

            // the check itself can fail: an unlabelled field is reported
            page.evaluate("() => document.querySelector('main').insertAdjacentHTML('beforeend',"
                    + " '<input type=\\'text\\' id=\\'unlabelled\\'>')");
            List<String> found = Axe.seriousViolations(page);
            org.junit.jupiter.api.Assertions.assertTrue(found.stream().anyMatch(v -> v.startsWith("label")),
                    found.toString());
        }
    }

    @Test
    void theReviewFormWeighsUnderAHundredKilobytes() {
        String audit = Api.demoAudit();
        String caseId = Api.asAdmin().get("/api/audits/" + audit + "/cases").then().statusCode(200).extract()
                .path("[0].id");
        try (BrowserContext context = chromium.context(768, 1024)) {
            Page page = Chromium.signIn(context, base.toString(), "reviewer-c1", AdminBootstrap.DEMO_PASSWORD);
            long total = 0;
            StringBuilder parts = new StringBuilder();
            for (String path : List.of("audits/" + audit + "/cases/" + caseId + "/review", "static/bestplace.css",
                    "static/review.js", "static/outbox.js")) {
                int bytes = page.request().get(base + path).body().length;
                total += bytes;
                parts.append(path.replaceAll(".*/", "")).append(' ').append(bytes).append(" B; ");
            }
            System.out.println("review form weight: " + parts + "total " + total + " B");
            org.junit.jupiter.api.Assertions.assertTrue(total < 100 * 1024, "total " + total + " bytes");
        }
    }
}
