package org.bestplace.results;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.bestplace.statistics.PChart;
import org.bestplace.web.ControlChart;

/**
 * The p-chart as a page shows it (the results page, the commissioning brief and its PDF): the
 * drawing, each signal in words, and a row for each day for those who read a table.
 */
public record SpcView(PChart.Chart chart, String svg, List<String> signals, List<Row> days) {

    /** One day's point, with its signals in words ("run, trend"), or empty. */
    public record Row(LocalDate date, long n, long notQualifying, double proportion, double lower, double upper,
            String signals) {
    }

    public static SpcView of(PChart.Chart chart) {
        List<Row> days = chart.points().stream().map(p -> new Row(p.date(), p.n(), p.notQualifying(), p.proportion(),
                p.lower(), p.upper(), String.join(", ", p.signals().stream().map(SpcView::words).toList()))).toList();
        return new SpcView(chart, ControlChart.svg("spc-chart", "Not qualifying by day: statistical process control"
                + " chart (p-chart)", chart), chart.stretches().stream().map(ControlChart::name).toList(), days);
    }

    public boolean hasDays() {
        return !chart.points().isEmpty();
    }

    public Double centre() {
        return chart.centre();
    }

    public boolean trialLimits() {
        return chart.trialLimits();
    }

    public int fullLimitsDays() {
        return PChart.FULL_LIMITS_DAYS;
    }

    static String words(PChart.Signal signal) {
        return signal.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
