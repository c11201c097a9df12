package org.bestplace.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.bestplace.statistics.FunnelPlot;

/**
 * A funnel plot drawn on the server as SVG: each group (ward, specialty, audit) at its
 * patient-days and proportion not qualifying, the overall proportion, and the 95% and 99.8%
 * limits as curves. A group outside the 95% limits is drawn as a diamond, outside the 99.8% limits
 * as a square, and both are named beside their point, so neither colour nor shape alone tells it.
 * It takes the plain figures of {@link FunnelPlot}, so any page can draw one.
 */
public final class FunnelChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 400;
    static final int LEFT = 64;
    static final int RIGHT = WIDTH - 24;
    static final int TOP = 16;
    static final int BOTTOM = 300;

    private FunnelChart() {
    }

    /**
     * The plot, with {@code id} for its title and description (unique on the page), {@code title} read
     * out first, and {@code groups} what a point is, in the plural ("wards", "audits") for the description.
     */
    public static String svg(String id, String title, String groups, FunnelPlot.Chart chart) {
        String safeId = Html.escape(id);
        StringBuilder svg = ChartScale.opening(id, "funnel-plot", WIDTH, HEIGHT, title, description(groups, chart));
        if (chart.overall() == null) {
            svg.append(ChartScale.NOTHING_YET);
            return svg.append("</svg>").toString();
        }
        long lastN = chart.limits().get(chart.limits().size() - 1).n();
        double highest = chart.overall();
        long smallest = Long.MAX_VALUE;
        for (FunnelPlot.Point p : chart.points()) {
            highest = Math.max(highest, p.proportion());
            smallest = Math.min(smallest, p.n());
        }
        // Room for the 99.8% limit at the smallest group, so every point is seen against its limits.
        highest = Math.max(highest, FunnelPlot.limitAt(chart.overall(), smallest).high998());
        ChartScale y = new ChartScale(ChartScale.proportionTop(highest), BOTTOM, TOP);
        ChartScale x = new ChartScale(lastN, LEFT, RIGHT);

        svg.append("<defs><clipPath id=\"").append(safeId).append("-plot\"><rect x=\"").append(LEFT)
                .append("\" y=\"").append(TOP).append("\" width=\"").append(RIGHT - LEFT).append("\" height=\"")
                .append(BOTTOM - TOP).append("\"/></clipPath></defs>");
        axes(svg, x, y, lastN);
        // The curves, cut at the top of the plot where small n takes them past it.
        svg.append("<g clip-path=\"url(#").append(safeId).append("-plot)\" fill=\"none\">");
        curve(svg, chart, x, y, FunnelPlot.Limit::high95, "#4a4a4a", "6 4");
        curve(svg, chart, x, y, FunnelPlot.Limit::low95, "#4a4a4a", "6 4");
        curve(svg, chart, x, y, FunnelPlot.Limit::high998, "#1b1b1b", "2 3");
        curve(svg, chart, x, y, FunnelPlot.Limit::low998, "#1b1b1b", "2 3");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\" stroke=\"#005eb8\""
                + " stroke-width=\"2\"/>", LEFT, ChartScale.n(y.at(chart.overall())), RIGHT,
                ChartScale.n(y.at(chart.overall()))));
        svg.append("</g>");
        for (FunnelPlot.Point p : chart.points()) {
            double px = x.at(p.n());
            double py = y.at(p.proportion());
            svg.append(marker(px, py, p.inside95(), p.inside998()));
            if (!p.inside95()) {
                boolean left = px > RIGHT - 120;
                svg.append(String.format(Locale.ROOT,
                        "<text x=\"%s\" y=\"%s\" font-size=\"13\" fill=\"#1b1b1b\"%s>%s</text>",
                        ChartScale.n(left ? px - 9 : px + 9), ChartScale.n(py + 4),
                        left ? " text-anchor=\"end\"" : "", Html.escape(p.key())));
            }
        }
        legend(svg, chart.overall());
        return svg.append("</svg>").toString();
    }

    /** What the plot shows, in words, for a screen reader and a PDF's text. */
    static String description(String groups, FunnelPlot.Chart chart) {
        if (chart.overall() == null) {
            return "No " + groups + " with patient-days yet.";
        }
        List<String> outside998 = new ArrayList<>();
        List<String> outside95 = new ArrayList<>();
        for (FunnelPlot.Point p : chart.points()) {
            if (!p.inside998()) {
                outside998.add(p.key());
            } else if (!p.inside95()) {
                outside95.add(p.key());
            }
        }
        return String.format(Locale.ROOT, "%d %s; overall %s not qualifying. Outside the 99.8%% limits: %s."
                + " Outside the 95%% limits only: %s.", chart.points().size(), groups,
                TemplateExtensions.percentText(chart.overall()), outside998.isEmpty() ? "none"
                        : String.join(", ", outside998), outside95.isEmpty() ? "none" : String.join(", ", outside95));
    }

    private static void axes(StringBuilder svg, ChartScale x, ChartScale y, long lastN) {
        svg.append("<g font-size=\"12\" fill=\"#1b1b1b\">");
        for (double tick : ChartScale.proportionTicks(y.max())) {
            String ty = ChartScale.n(y.at(tick));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\" stroke=\"#d8dde0\"/>",
                    LEFT, ty, RIGHT, ty));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%s\" text-anchor=\"end\">%s</text>", LEFT - 6,
                    ChartScale.n(y.at(tick) + 4), Math.round(tick * 100) + "%"));
        }
        for (long tick : ChartScale.countTicks(lastN)) {
            String tx = ChartScale.n(x.at(tick));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\" stroke=\"#4a4a4a\"/>",
                    tx, BOTTOM, tx, BOTTOM + 5));
            svg.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%d\" text-anchor=\"middle\">%d</text>", tx,
                    BOTTOM + 18, tick));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#4a4a4a\"/>",
                LEFT, BOTTOM, RIGHT, BOTTOM));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#4a4a4a\"/>",
                LEFT, TOP, LEFT, BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">Patient-days reviewed</text>",
                (LEFT + RIGHT) / 2, BOTTOM + 36));
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 14 %d)\">Not qualifying</text>", (TOP + BOTTOM) / 2, (TOP + BOTTOM) / 2));
        svg.append("</g>");
    }

    private static void curve(StringBuilder svg, FunnelPlot.Chart chart, ChartScale x, ChartScale y,
            ToDoubleFunction<FunnelPlot.Limit> value, String colour, String dashes) {
        StringBuilder points = new StringBuilder();
        for (FunnelPlot.Limit limit : chart.limits()) {
            if (points.length() > 0) {
                points.append(' ');
            }
            points.append(ChartScale.n(x.at(limit.n()))).append(',').append(ChartScale.n(y.at(value.applyAsDouble(limit))));
        }
        svg.append("<polyline points=\"").append(points).append("\" stroke=\"").append(colour)
                .append("\" stroke-width=\"1.5\" stroke-dasharray=\"").append(dashes).append("\"/>");
    }

    /** A circle inside the limits, a diamond outside the 95% ones, a square outside the 99.8% ones. */
    static String marker(double x, double y, boolean inside95, boolean inside998) {
        if (!inside998) {
            return String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"11\" height=\"11\" fill=\"#d5281b\""
                    + " stroke=\"#1b1b1b\"/>", ChartScale.n(x - 5.5), ChartScale.n(y - 5.5));
        }
        if (!inside95) {
            return String.format(Locale.ROOT, "<polygon points=\"%s,%s %s,%s %s,%s %s,%s\" fill=\"#ffb81c\""
                    + " stroke=\"#1b1b1b\"/>", ChartScale.n(x), ChartScale.n(y - 7), ChartScale.n(x + 7),
                    ChartScale.n(y), ChartScale.n(x), ChartScale.n(y + 7), ChartScale.n(x - 7), ChartScale.n(y));
        }
        return String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"5\" fill=\"#005eb8\" stroke=\"#ffffff\"/>",
                ChartScale.n(x), ChartScale.n(y));
    }

    private static void legend(StringBuilder svg, double overall) {
        int row1 = BOTTOM + 64;
        int row2 = BOTTOM + 88;
        svg.append("<g font-size=\"12\" fill=\"#1b1b1b\">");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#005eb8\""
                + " stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">Overall %s</text>", LEFT, row1 - 4, LEFT + 24, row1 - 4,
                LEFT + 30, row1, Html.escape(TemplateExtensions.percentText(overall))));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#4a4a4a\""
                + " stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/><text x=\"%d\" y=\"%d\">95%% limits</text>",
                LEFT + 170, row1 - 4, LEFT + 194, row1 - 4, LEFT + 200, row1));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#1b1b1b\""
                + " stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/><text x=\"%d\" y=\"%d\">99.8%% limits</text>",
                LEFT + 330, row1 - 4, LEFT + 354, row1 - 4, LEFT + 360, row1));
        svg.append(marker(LEFT + 12, row2 - 4, true, true));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">inside the limits</text>", LEFT + 30, row2));
        svg.append(marker(LEFT + 182, row2 - 4, false, true));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">outside 95%%, named</text>", LEFT + 200, row2));
        svg.append(marker(LEFT + 342, row2 - 4, false, false));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">outside 99.8%%, named</text>", LEFT + 360, row2));
        svg.append("</g>");
    }
}
