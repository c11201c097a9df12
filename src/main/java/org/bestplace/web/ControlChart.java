package org.bestplace.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bestplace.statistics.PChart;

/**
 * A p-chart drawn on the server as SVG: each day's proportion not qualifying joined by a line, the
 * centre line, and the upper and lower limits as steps that follow each day's n. Signals are named
 * on the chart: a day outside the limits is a square labelled "outside", a run or a trend is a
 * bracket over its days with its name; the description says the same in words. Trial limits (too
 * few days) are said so at the top. Only attributes, no CSS or clip paths, so a PDF renderer draws
 * it as a browser does.
 */
public final class ControlChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 380;
    static final int LEFT = 56;
    static final int RIGHT = WIDTH - 20;
    /** Two rows above the plot for the brackets of runs and trends. */
    static final int TOP = 64;
    static final int BOTTOM = 310;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    private ControlChart() {
    }

    /** The chart, with {@code id} for its title and description (unique on the page). */
    public static String svg(String id, String title, PChart.Chart chart) {
        StringBuilder svg = ChartScale.opening(id, "spc-chart", WIDTH, HEIGHT, title, description(chart));
        List<PChart.Point> points = chart.points();
        if (chart.centre() == null) {
            svg.append(ChartScale.NOTHING_YET);
            return svg.append("</svg>").toString();
        }
        double highest = chart.centre();
        for (PChart.Point p : points) {
            highest = Math.max(highest, Math.max(p.upper(), p.proportion()));
        }
        ChartScale y = new ChartScale(ChartScale.proportionTop(highest), BOTTOM, TOP);
        double step = (RIGHT - LEFT) / (double) points.size();
        double[] x = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = LEFT + step * (i + 0.5);
        }
        axes(svg, y, points, x);
        if (chart.trialLimits()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"14\" font-size=\"13\" text-anchor=\"end\""
                    + " fill=\"#1b1b1b\" font-weight=\"bold\">Trial limits: fewer than %d days</text>", RIGHT,
                    PChart.FULL_LIMITS_DAYS));
        }
        // The limits step at the half-way mark between two days, where one day's n gives way to the next.
        svg.append("<g fill=\"none\" stroke=\"#4a4a4a\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\">");
        svg.append("<path d=\"").append(steps(points, x, step, y, true)).append("\"/>");
        svg.append("<path d=\"").append(steps(points, x, step, y, false)).append("\"/>");
        svg.append("</g>");
        String centreY = ChartScale.n(y.at(chart.centre()));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\" stroke=\"#005eb8\""
                + " stroke-width=\"2\"/>", LEFT, centreY, RIGHT, centreY));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            line.append(i == 0 ? "" : " ").append(ChartScale.n(x[i])).append(',')
                    .append(ChartScale.n(y.at(points.get(i).proportion())));
        }
        svg.append("<polyline points=\"").append(line).append("\" fill=\"none\" stroke=\"#1b1b1b\" stroke-width=\"1.5\"/>");
        for (int i = 0; i < x.length; i++) {
            PChart.Point p = points.get(i);
            double py = y.at(p.proportion());
            if (p.signals().contains(PChart.Signal.OUTSIDE_LIMITS)) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"11\" height=\"11\""
                        + " fill=\"#d5281b\" stroke=\"#1b1b1b\"/>", ChartScale.n(x[i] - 5.5), ChartScale.n(py - 5.5)));
                // Above a high point and below a low one; beside it where the plot's edge leaves no room.
                boolean above = p.proportion() > p.upper();
                double labelY = above ? py - 10 : py + 19;
                boolean beside = above ? labelY < TOP + 12 : labelY > BOTTOM - 4;
                boolean left = x[i] > RIGHT - 60;
                svg.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" font-size=\"12\" text-anchor=\"%s\""
                        + " fill=\"#1b1b1b\">outside</text>", ChartScale.n(beside ? (left ? x[i] - 9 : x[i] + 9) : x[i]),
                        ChartScale.n(beside ? py + 4 : labelY), beside ? (left ? "end" : "start") : "middle"));
            } else if (!p.signals().isEmpty()) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"5.5\" fill=\"#ffb81c\""
                        + " stroke=\"#1b1b1b\"/>", ChartScale.n(x[i]), ChartScale.n(py)));
            } else {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"4\" fill=\"#005eb8\"/>",
                        ChartScale.n(x[i]), ChartScale.n(py)));
            }
        }
        brackets(svg, chart, x, step);
        legend(svg, chart.centre());
        return svg.append("</svg>").toString();
    }

    /** What the chart shows, in words. */
    static String description(PChart.Chart chart) {
        if (chart.centre() == null) {
            return "No days with reviews yet.";
        }
        List<String> signals = chart.stretches().stream().map(ControlChart::name).toList();
        return String.format(Locale.ROOT, "%d days; centre %s not qualifying;%s limits at 3 sigma for each day's"
                + " number reviewed. Signals: %s.", chart.points().size(),
                TemplateExtensions.percentText(chart.centre()), chart.trialLimits() ? " trial" : "",
                signals.isEmpty() ? "none" : String.join("; ", signals));
    }

    /** A signal as a reader would name it, as in "run of 7 days below the centre, 4 Mar to 10 Mar". */
    public static String name(PChart.Stretch s) {
        String days = s.from().equals(s.to()) ? s.from().format(DAY) : s.from().format(DAY) + " to " + s.to().format(DAY);
        return switch (s.signal()) {
            case OUTSIDE_LIMITS -> (s.direction() == PChart.Direction.ABOVE ? "above the upper limit, "
                    : "below the lower limit, ") + days;
            case RUN -> "run of " + s.days() + " days " + (s.direction() == PChart.Direction.ABOVE ? "above" : "below")
                    + " the centre, " + days;
            case TREND -> (s.direction() == PChart.Direction.RISING ? "rising" : "falling") + " trend, " + s.days()
                    + " days in a row each " + (s.direction() == PChart.Direction.RISING ? "higher" : "lower")
                    + " than the day before, " + days;
        };
    }

    private static String steps(List<PChart.Point> points, double[] x, double step, ChartScale y, boolean upper) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            String level = ChartScale.n(y.at(upper ? points.get(i).upper() : points.get(i).lower()));
            d.append(i == 0 ? "M" + ChartScale.n(x[i] - step / 2) + " " + level : " V" + level)
                    .append(" H").append(ChartScale.n(x[i] + step / 2));
        }
        return d.toString();
    }

    private static void axes(StringBuilder svg, ChartScale y, List<PChart.Point> points, double[] x) {
        svg.append("<g font-size=\"12\" fill=\"#1b1b1b\">");
        for (double tick : ChartScale.proportionTicks(y.max())) {
            String ty = ChartScale.n(y.at(tick));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%s\" x2=\"%d\" y2=\"%s\" stroke=\"#d8dde0\"/>",
                    LEFT, ty, RIGHT, ty));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%s\" text-anchor=\"end\">%s</text>", LEFT - 6,
                    ChartScale.n(y.at(tick) + 4), Math.round(tick * 100) + "%"));
        }
        // At most about eight dates under the axis, counted back from the last day so it is always named.
        int every = Math.max(1, (int) Math.ceil(points.size() / 8.0));
        for (int i = 0; i < points.size(); i++) {
            if ((points.size() - 1 - i) % every != 0) {
                continue;
            }
            String tx = ChartScale.n(x[i]);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%s\" y1=\"%d\" x2=\"%s\" y2=\"%d\" stroke=\"#4a4a4a\"/>",
                    tx, BOTTOM, tx, BOTTOM + 5));
            svg.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%d\" text-anchor=\"middle\">%s</text>", tx,
                    BOTTOM + 18, points.get(i).date().format(DAY)));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#4a4a4a\"/>",
                LEFT, BOTTOM, RIGHT, BOTTOM));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#4a4a4a\"/>",
                LEFT, TOP, LEFT, BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 14 %d)\">Not qualifying</text>", (TOP + BOTTOM) / 2, (TOP + BOTTOM) / 2));
        svg.append("</g>");
    }

    /** A bracket over each run (upper row) and trend (lower row), with its name. */
    private static void brackets(StringBuilder svg, PChart.Chart chart, double[] x, double step) {
        List<PChart.Point> points = chart.points();
        List<java.time.LocalDate> dates = new ArrayList<>();
        points.forEach(p -> dates.add(p.date()));
        svg.append("<g font-size=\"12\" fill=\"#1b1b1b\">");
        for (PChart.Stretch s : chart.stretches()) {
            if (s.signal() == PChart.Signal.OUTSIDE_LIMITS) {
                continue;
            }
            int rowY = s.signal() == PChart.Signal.RUN ? 36 : 56;
            double from = x[dates.indexOf(s.from())] - step / 3;
            double to = x[dates.indexOf(s.to())] + step / 3;
            svg.append(String.format(Locale.ROOT, "<path d=\"M%s %d V%d H%s V%d\" fill=\"none\" stroke=\"#1b1b1b\"/>",
                    ChartScale.n(from), rowY + 4, rowY - 2, ChartScale.n(to), rowY + 4));
            String label = s.signal() == PChart.Signal.RUN
                    ? "run of " + s.days() + (s.direction() == PChart.Direction.ABOVE ? " above" : " below")
                    : (s.direction() == PChart.Direction.RISING ? "rising" : "falling") + " trend";
            double middle = Math.max(LEFT + 50, Math.min(RIGHT - 50, (from + to) / 2));
            svg.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    ChartScale.n(middle), rowY - 6, label));
        }
        svg.append("</g>");
    }

    private static void legend(StringBuilder svg, double centre) {
        int row = BOTTOM + 48;
        svg.append("<g font-size=\"12\" fill=\"#1b1b1b\">");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#005eb8\""
                + " stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">Centre %s</text>", LEFT, row - 4, LEFT + 24, row - 4,
                LEFT + 30, row, Html.escape(TemplateExtensions.percentText(centre))));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#4a4a4a\""
                + " stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/><text x=\"%d\" y=\"%d\">3-sigma limits</text>",
                LEFT + 140, row - 4, LEFT + 164, row - 4, LEFT + 170, row));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"11\" height=\"11\" fill=\"#d5281b\""
                + " stroke=\"#1b1b1b\"/><text x=\"%d\" y=\"%d\">outside the limits</text>", LEFT + 284, row - 10,
                LEFT + 300, row));
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"5.5\" fill=\"#ffb81c\" stroke=\"#1b1b1b\"/>"
                + "<text x=\"%d\" y=\"%d\">in a run or trend</text>", LEFT + 430, row - 4, LEFT + 442, row));
        svg.append("</g>");
    }
}
