package org.bestplace.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The PDF's painter draws what the browser draws: the chart's shapes in their colours, inside the box. */
class SvgPainterTest {

    static int count(BufferedImage image, int rgb) {
        int found = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                found += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return found;
    }

    @Test
    void theControlChartIsPaintedWithItsCentreItsPointOutsideAndItsRun() throws Exception {
        Document svg = FunnelChartTest.parse(ControlChart.svg("s", "t", ControlChartTest.FOURTEEN));
        double[] size = SvgPainter.viewBox(svg.getDocumentElement());
        assertEquals(ControlChart.WIDTH, size[0]);
        assertEquals(ControlChart.HEIGHT, size[1]);
        BufferedImage image = new BufferedImage((int) size[0], (int) size[1], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        SvgPainter.paint(svg.getDocumentElement(), g);
        g.dispose();
        // The outside day's square and the legend's: two 11 × 11 squares, their inside at least 9 × 9 each.
        assertTrue(count(image, 0xd5281b) >= 2 * 81, "red squares: " + count(image, 0xd5281b));
        // The centre line across the plot (antialiased: at least one row of it in its own colour).
        assertTrue(count(image, 0x005eb8) >= ControlChart.RIGHT - ControlChart.LEFT, "blue: " + count(image, 0x005eb8));
        // Seven run circles and the legend's.
        assertTrue(count(image, 0xffb81c) >= 8 * 50, "amber circles: " + count(image, 0xffb81c));
    }

    @Test
    void theFunnelPlotsCurvesStayInsideItsClipBox() throws Exception {
        Document svg = FunnelChartTest.parse(FunnelChart.svg("f", "t", "wards", FunnelChartTest.WARDS));
        BufferedImage image = new BufferedImage(FunnelChart.WIDTH, FunnelChart.HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        SvgPainter.paint(svg.getDocumentElement(), g);
        g.dispose();
        // Above the plot's top nothing is drawn: the curves at small n are cut there.
        for (int x = FunnelChart.LEFT + 2; x < FunnelChart.RIGHT; x++) {
            for (int y = 0; y < FunnelChart.TOP - 2; y++) {
                assertEquals(0, image.getRGB(x, y) >>> 24, "nothing drawn at " + x + "," + y);
            }
        }
        assertTrue(count(image, 0xd5281b) > 0, "the ward outside 99.8% is drawn");
    }
}
