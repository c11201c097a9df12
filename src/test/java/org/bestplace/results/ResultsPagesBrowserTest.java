package org.bestplace.results;

import static org.bestplace.Api.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.bestplace.Api;
import org.bestplace.Axe;
import org.bestplace.Chromium;
import org.bestplace.MovableClock;
import org.bestplace.TestAudit;
import org.bestplace.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The results and comparison pages in headless Chromium at desktop size, on audits each test makes. */
@QuarkusTest
class ResultsPagesBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    /** The service clock stands at noon on this day, inside the test audits' November. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 12);

    @TestHTTPResource("/")
    URL base;

    @Inject
    MovableClock clock;

    @BeforeEach
    void noonOnTheTwelfth() {
        clock.set(Instant.parse("2026-11-12T12:00:00Z"));
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    static String percent(double proportion) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * proportion);
    }

    @Test
    void theCommissionerReadsTheResultsAndDownloadsAnExportTheLeadSeesItLogged() throws Exception {
        TestAudit audit = TestAudit.create();
        for (LocalDate day = TODAY.minusDays(2); !day.isAfter(TODAY); day = day.plusDays(1)) {
            audit.dayOfReviews(day);
        }
        var summary = asAdmin().get("/api/audits/" + audit.id() + "/summary").then().statusCode(200).extract()
                .jsonPath();
        // The chair opening a day's debrief is what gives that day minutes.
        Api.as(audit.chair()).post("/api/audits/" + audit.id() + "/debriefs/" + TODAY + "/opening").then().statusCode(200);
        try (BrowserContext context = chromium.context(1280, 900)) {
            Page page = Chromium.signIn(context, base.toString(), audit.commissioner(), Api.PASSWORD);
            page.navigate(base + "audits/" + audit.id());
            page.click("text=Results and exports");
            page.waitForURL("**/audits/" + audit.id() + "/results");
            assertEquals(percent(summary.getDouble("asAgreed.proportion")), page.textContent("#agreed-percent").strip());
            assertEquals(percent(summary.getDouble("proportionNotQualifying")),
                    page.textContent("#reviewed-percent").strip());
            assertEquals(3, page.locator("#days tbody tr").count(), "a row for each audit day so far");
            assertTrue(page.locator("#days a:text('Minutes')").count() > 0, "links to the debrief minutes");
            assertTrue(page.textContent("section[aria-labelledby=team]").contains("COMMUNITY"), "the team by sector");
            assertEquals(List.of(), Axe.seriousViolations(page));
            Chromium.screenshot(page, "results");

            Download download = page.waitForDownload(() -> page.click("text=Internal, with case rows >> a:text('CSV')"));
            String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
            assertTrue(download.suggestedFilename().endsWith("-internal-" + TODAY + ".csv"),
                    download.suggestedFilename());
            assertTrue(csv.startsWith("\uFEFF# Bestplace audit export. Internal export"), csv.substring(0, 80));
            assertTrue(csv.contains("# table: cases"));
        }
        try (BrowserContext context = chromium.context(1280, 900)) {
            Page page = Chromium.signIn(context, base.toString(), audit.hospital(), Api.PASSWORD);
            page.navigate(base + "audits/" + audit.id() + "/results");
            assertEquals(0, page.locator("text=Internal, with case rows").count(), "reviewers get publication exports only");
            assertEquals(0, page.locator("#export-log").count());
            var refused = page.request().get(base + "audits/" + audit.id() + "/results/export?format=csv&mode=internal");
            assertEquals(403, refused.status());
        }
        try (BrowserContext context = chromium.context(1280, 900)) {
            Page page = Chromium.signIn(context, base.toString(), audit.lead(), Api.PASSWORD);
            page.navigate(base + "audits/" + audit.id() + "/results");
            String log = page.textContent("#export-log");
            assertTrue(log.contains(audit.commissioner()) && log.contains("CSV") && log.contains("INTERNAL"), log);
        }
    }

    @Test
    void twoAuditsComparedWithNewcombesIntervalAndAMissingChoiceNamed() {
        String reviewer = Api.user("reviewer", "HOSPITAL", "REVIEWER");
        String a = ComparisonApiTest.audit(10, 9, reviewer);
        String b = ComparisonApiTest.audit(10, 3, reviewer);
        var api = asAdmin().get("/api/comparisons?a=" + a + "&b=" + b).then().statusCode(200).extract().jsonPath();
        try (BrowserContext context = chromium.context(1280, 900)) {
            Page page = Chromium.signIn(context, base.toString(), "admin", TestDatabase.ADMIN_PASSWORD);
            page.navigate(base + "comparisons");
            page.selectOption("#a", a);
            page.click("button[type=submit]");
            assertTrue(page.textContent("#b-error").contains("Name the audit to compare as 'b'"));
            assertEquals(a, page.inputValue("#a"), "the first choice is kept");

            page.selectOption("#b", b);
            page.click("button[type=submit]");
            String difference = page.textContent("#difference");
            assertTrue(difference.contains(percent(api.getDouble("difference"))), difference);
            assertTrue(difference.contains(percent(api.getDouble("ci95.low")) + " to "
                    + percent(api.getDouble("ci95.high"))), difference);
            assertTrue(page.textContent("#comparison").contains("9 (90.0%)"));
            assertEquals(List.of(), Axe.seriousViolations(page));
            Chromium.screenshot(page, "comparison");
        }
    }
}
