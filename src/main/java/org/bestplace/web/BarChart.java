package org.bestplace.web;

import java.util.List;
import java.util.Locale;

/**
 * Horizontal bar charts drawn on the server as SVG, so the debrief page needs no script and no
 * chart library, and prints as it shows.
 */
public final class BarChart {

    public record Bar(String label, double value, String text) {
    }

    private static final int WIDTH = 600;
    private static final int LABEL_WIDTH = 250;
    private static final int ROW = 30;

    private BarChart() {
    }

    /** An SVG with one bar per item, scaled to {@code max} (or to the largest value when max is 0). */
    public static String svg(String title, List<Bar> bars, double max) {
        double top = max > 0 ? max : bars.stream().mapToDouble(Bar::value).max().orElse(1.0);
        if (top <= 0) {
            top = 1.0;
        }
        int height = Math.max(1, bars.size()) * ROW + 10;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"100%%\""
                        + " aria-label=\"%s\">",
                WIDTH, height, Html.escape(title)));
        svg.append("<title>").append(Html.escape(title)).append("</title>");
        if (bars.isEmpty()) {
            svg.append("<text x=\"0\" y=\"20\" font-size=\"15\" fill=\"#4a4a4a\">Nothing to show yet</text>");
        }
        int y = 5;
        int room = WIDTH - LABEL_WIDTH - 70;
        for (Bar bar : bars) {
            int length = (int) Math.round(room * Math.max(0, bar.value()) / top);
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"14\" text-anchor=\"end\" fill=\"#1b1b1b\">%s</text>",
                    LABEL_WIDTH - 8, y + 19, Html.escape(shorten(bar.label()))));
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"22\" fill=\"#005eb8\"/>", LABEL_WIDTH, y + 3,
                    Math.max(length, 1)));
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"15\" fill=\"#1b1b1b\">%s</text>", LABEL_WIDTH + length + 6,
                    y + 19, Html.escape(bar.text())));
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    private static String shorten(String label) {
        return label.length() <= 28 ? label : label.substring(0, 27) + "…";
    }
}
