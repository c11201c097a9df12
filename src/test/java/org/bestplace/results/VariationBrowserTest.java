package org.bestplace.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bestplace.Api;
import org.bestplace.Axe;
import org.bestplace.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SPC chart and the ward funnel plot on the results page, the SPC chart on the commissioning
 * brief and in its PDF, on the audit of {@link VariationApiTest} (3 Nov outside its limits, 4 to 10
 * Nov a run below the centre, ten days so trial limits; Ward C outside 99.8%, Ward A outside 95%).
 */
@QuarkusTest
class VariationBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TestHTTPResource("/")
    URL base;

    static void shoot(Locator element, String name) throws Exception {
        Files.createDirectories(Chromium.SCREENSHOTS);
        element.screenshot(new Locator.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve(name + ".png")));
    }

    @Test
    void theResultsPageDrawsTheSpcChartAndTheWardFunnelWithTheirSignalsInWords() throws Exception {
        VariationAudit audit = VariationAudit.create();
        try (BrowserContext context = chromium.context(1280, 900)) {
            Page page = Chromium.signIn(context, base.toString(), audit.commissioner(), Api.PASSWORD);
            page.navigate(base + "audits/" + audit.id() + "/results");
            page.waitForSelector("#spc-chart");

            assertEquals(List.of("above the upper limit, 3 Nov", "run of 7 days below the centre, 4 Nov to 10 Nov"),
                    page.locator("#spc-signals li").allTextContents().stream().map(String::strip).toList());
            assertTrue(page.textContent("#spc-trial").contains("fewer than 12 days"), "trial limits are said so");
            assertTrue(page.locator("#spc-chart text").allTextContents().containsAll(List.of("outside", "run of 7 below",
                    "Trial limits: fewer than 12 days")), "the signals are named on the chart");
            assertEquals("Not qualifying by day: statistical process control chart (p-chart)",
                    page.textContent("#spc-chart-title"));
            assertTrue(page.textContent("#spc-chart-desc").contains("run of 7 days below the centre"));
            assertEquals(10, page.locator("#spc-days tbody tr").count(), "a row for each day");
            assertTrue(page.textContent("#spc-centre").contains("20.0%"));

            assertEquals("Outside the 99.8% limits: Ward C", page.textContent("#ward-funnel-outside li:nth-child(1)")
                    .strip());
            assertEquals("Outside the 95% limits only: Ward A", page.textContent("#ward-funnel-outside li:nth-child(2)")
                    .strip());
            List<String> named = page.locator("#ward-funnel text").allTextContents();
            assertTrue(named.contains("Ward C") && named.contains("Ward A") && !named.contains("Ward B"),
                    "the wards outside are named on the plot: " + named);
            assertEquals(3, page.locator("#ward-funnel-table tbody tr").count());

            assertEquals(List.of(), Axe.seriousViolations(page));
            shoot(page.locator("#spc"), "spc-chart");
            shoot(page.locator("#ward-funnel-section"), "ward-funnel");
            Chromium.screenshot(page, "results-with-spc-and-funnel");

            page.navigate(base + "audits/" + audit.id() + "/brief");
            page.waitForSelector("#spc-chart");
            assertEquals(2, page.locator("#spc-signals li").count(), "the brief has the same chart and signals");
            assertEquals(List.of(), Axe.seriousViolations(page));
            shoot(page.locator("#spc"), "brief-spc-chart");

            var pdf = page.request().get(base + "audits/" + audit.id() + "/brief/paper.pdf");
            assertEquals(200, pdf.status());
            assertEquals("application/pdf", pdf.headers().get("content-type"));
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                assertTrue(text.contains("Day to day: statistical process control"), text);
                // Drawn by the chart, not written in the page: the PDF draws the SVG.
                assertTrue(text.contains("run of 7 below") && text.contains("Trial limits: fewer than 12 days")
                        && text.contains("10 Nov"), "the chart is drawn in the PDF: " + text);
            }
        }
    }
}
