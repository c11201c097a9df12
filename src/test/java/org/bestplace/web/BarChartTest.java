package org.bestplace.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A chart's labels are never cut: a long one wraps and its row grows, and the figures stay inside. */
class BarChartTest {

    static final String LONG = "Awaiting therapy (physiotherapy or occupational therapy) assessment";

    /** The text the SVG draws for its labels, line after line, with the tags taken out. */
    static String drawnText(String svg) {
        return svg.replaceAll("<title>[^<]*</title>", "").replaceAll("<[^>]+>", "").replace("\n", " ")
                .replace("&amp;", "&");
    }

    @Test
    void aLongLabelIsDrawnWholeOnLinesThatFitItsColumn() {
        String svg = BarChart.svg("Reasons", List.of(new BarChart.Bar(LONG, 3, "3"), new BarChart.Bar("Short", 1,
                "1")), 0);
        assertTrue(drawnText(svg).contains(LONG), drawnText(svg));
        assertTrue(!svg.contains("…"), "nothing shortened");
        for (String line : BarChart.wrap(LONG)) {
            assertTrue(line.length() <= BarChart.LINE_CHARS, line);
        }
        assertEquals(List.of("Awaiting therapy", "(physiotherapy or", "occupational therapy)", "assessment"),
                BarChart.wrap(LONG));
        assertEquals(List.of("Short"), BarChart.wrap("Short"));
        assertEquals(List.of("A".repeat(28), "A".repeat(5)), BarChart.wrap("A".repeat(33)), "a very long word is broken");
    }

    @Test
    void theChartGrowsWithItsLinesAndEveryTextIsInsideTheViewBox() {
        String svg = BarChart.svg("Reasons", List.of(new BarChart.Bar(LONG, 1.0, "100.0% of 1234"),
                new BarChart.Bar(LONG + " and more words still", 0.5, "50.0% of 2")), 1.0);
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertTrue(box.find());
        int width = Integer.parseInt(box.group(1));
        int height = Integer.parseInt(box.group(2));
        Matcher y = Pattern.compile("<text x=\"(\\d+)\" y=\"(\\d+)\" font-size=\"14\"").matcher(svg);
        int lastBaseline = 0;
        while (y.find()) {
            lastBaseline = Math.max(lastBaseline, Integer.parseInt(y.group(2)));
        }
        int lines = BarChart.wrap(LONG + " and more words still").size();
        assertTrue(lastBaseline + (lines - 1) * 17 + 4 <= height, "the last line is inside: " + svg);
        // The figure beside the longest bar: its start plus at most 9px a character stays inside.
        Matcher figure = Pattern.compile("<text x=\"(\\d+)\" y=\"\\d+\" font-size=\"15\"[^>]*>100.0% of 1234</text>")
                .matcher(svg);
        assertTrue(figure.find(), svg);
        assertTrue(Integer.parseInt(figure.group(1)) + 9 * "100.0% of 1234".length() <= width, svg);
    }
}
