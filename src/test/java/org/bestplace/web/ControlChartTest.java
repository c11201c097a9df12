package org.bestplace.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bestplace.statistics.PChart;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The p-chart names its signals on the chart and in words, marks trial limits, and stays in its box. */
class ControlChartTest {

    static PChart.Chart chart(long[][] counts) {
        List<PChart.Day> days = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            days.add(new PChart.Day(LocalDate.of(2027, 3, 1).plusDays(i), counts[i][0], counts[i][1]));
        }
        return PChart.of(days);
    }

    // The fourteen days of PChartTest: 3 Mar outside the upper limit, 4 to 10 Mar a run below the centre.
    static final PChart.Chart FOURTEEN = chart(new long[][] {
        {25, 6}, {25, 5}, {36, 16}, {25, 3}, {25, 4}, {25, 2}, {64, 8},
        {25, 4}, {25, 3}, {25, 4}, {25, 5}, {25, 4}, {25, 7}, {25, 9}});

    @Test
    void theSignalsAreNamedOnTheChartAndInItsDescription() throws Exception {
        Document svg = FunnelChartTest.parse(ControlChart.svg("spc", "Not qualifying by day", FOURTEEN));
        List<String> texts = FunnelChartTest.texts(svg);
        assertTrue(texts.contains("outside"), texts.toString());
        assertTrue(texts.contains("run of 7 below"), texts.toString());
        assertFalse(texts.stream().anyMatch(t -> t.startsWith("Trial limits")), "14 days: not trial limits");
        assertEquals("14 days; centre 20.0% not qualifying; limits at 3 sigma for each day's number reviewed."
                + " Signals: above the upper limit, 3 Mar; run of 7 days below the centre, 4 Mar to 10 Mar.",
                svg.getElementsByTagName("desc").item(0).getTextContent());
        // One square for the day outside, plus the legend's; seven signal circles among the fourteen points.
        assertEquals(2, svg.getElementsByTagName("rect").getLength());
        NodeList circles = svg.getElementsByTagName("circle");
        int signalled = 0;
        for (int i = 0; i < circles.getLength(); i++) {
            signalled += "#ffb81c".equals(((Element) circles.item(i)).getAttribute("fill")) ? 1 : 0;
        }
        assertEquals(7 + 1, signalled, "the run's seven days and the legend");
        assertEquals(13 + 1, circles.getLength(), "thirteen days as circles, one as a square, and the legend's");
        assertTrue(texts.contains("14 Mar") && texts.contains("2 Mar"), "every other day named, the last one too: " + texts);
    }

    @Test
    void fewerThanTwelveDaysAreMarkedAsTrialLimits() throws Exception {
        Document svg = FunnelChartTest.parse(ControlChart.svg("spc", "t", chart(new long[][] {
            {20, 1}, {20, 2}, {20, 3}, {20, 4}, {20, 5}, {20, 6}, {20, 7}, {20, 8}, {20, 8}})));
        List<String> texts = FunnelChartTest.texts(svg);
        assertTrue(texts.contains("Trial limits: fewer than 12 days"), texts.toString());
        assertTrue(texts.contains("rising trend"), texts.toString());
        assertTrue(svg.getElementsByTagName("desc").item(0).getTextContent().contains("trial limits"));
    }

    @Test
    void everyPointAndLabelIsInsideTheViewBox() throws Exception {
        long[][] many = new long[40][];
        for (int i = 0; i < many.length; i++) {
            many[i] = new long[] {10 + i % 7, i % 5};
        }
        for (PChart.Chart chart : List.of(FOURTEEN, chart(many), chart(new long[][] {{3, 3}}))) {
            Document svg = FunnelChartTest.parse(ControlChart.svg("s", "t", chart));
            for (String tag : List.of("text", "circle", "rect")) {
                NodeList nodes = svg.getElementsByTagName(tag);
                for (int i = 0; i < nodes.getLength(); i++) {
                    Element e = (Element) nodes.item(i);
                    double x = Double.parseDouble(e.hasAttribute("x") ? e.getAttribute("x") : e.getAttribute("cx"));
                    double y = Double.parseDouble(e.hasAttribute("y") ? e.getAttribute("y") : e.getAttribute("cy"));
                    assertTrue(x >= 0 && x <= ControlChart.WIDTH && y >= 0 && y <= ControlChart.HEIGHT,
                            tag + " " + e.getTextContent() + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void noDaysSaySo() throws Exception {
        Document svg = FunnelChartTest.parse(ControlChart.svg("s", "t", PChart.of(List.of())));
        assertEquals(List.of("Nothing to show yet"), FunnelChartTest.texts(svg));
    }
}
