package org.bestplace.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A linear axis of the server-drawn charts: where a value falls, and round ticks to label. */
record ChartScale(double max, double from, double to) {

    /** What a chart with nothing to draw says in its place. */
    static final String NOTHING_YET = "<text x=\"0\" y=\"20\" font-size=\"15\" fill=\"#4a4a4a\">Nothing to show yet</text>";

    /**
     * The opening of a chart read out by its title and then its description: the svg element with
     * {@code id} (unique on the page) and {@code cssClass}, and both texts, escaped.
     */
    static StringBuilder opening(String id, String cssClass, int width, int height, String title,
            String description) {
        String safeId = Html.escape(id);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"100%%\""
                        + " aria-labelledby=\"%s-title %s-desc\" class=\"%s\" id=\"%s\">",
                width, height, safeId, safeId, cssClass, safeId));
        svg.append("<title id=\"").append(safeId).append("-title\">").append(Html.escape(title)).append("</title>");
        svg.append("<desc id=\"").append(safeId).append("-desc\">").append(Html.escape(description)).append("</desc>");
        return svg;
    }

    /** The place on the page, from {@code from} (at 0) to {@code to} (at {@link #max}). */
    double at(double value) {
        return from + (to - from) * value / max;
    }

    /** A proportion axis: the top a little above the highest value, on a round 5 or 10 percent, at most 100%. */
    static double proportionTop(double highest) {
        double step = highest <= 0.3 ? 0.05 : 0.1;
        double top = Math.ceil((highest + 0.02) / step - 1e-9) * step;
        // Whole percents, so 6 × 0.1 is 0.6 and not 0.6000000000000001.
        return Math.min(1.0, Math.max(step, Math.round(top * 100) / 100.0));
    }

    /** Ticks of a proportion axis from 0 to {@code top}. */
    static List<Double> proportionTicks(double top) {
        double step = top <= 0.3 ? 0.05 : top <= 0.6 ? 0.1 : 0.2;
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i * step <= top + 1e-9; i++) {
            ticks.add(Math.round(i * step * 100) / 100.0);
        }
        return ticks;
    }

    /** Ticks of a count axis from 0 to {@code top}: steps of 1, 2 or 5 × a power of ten, at most about six. */
    static List<Long> countTicks(long top) {
        long step = 1;
        while (top / step > 6) {
            if (top / (step * 2) <= 6) {
                step *= 2;
            } else if (top / (step * 5) <= 6) {
                step *= 5;
            } else {
                step *= 10;
            }
        }
        List<Long> ticks = new ArrayList<>();
        for (long t = 0; t <= top; t += step) {
            ticks.add(t);
        }
        return ticks;
    }

    /** A coordinate, to one decimal place. */
    static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
