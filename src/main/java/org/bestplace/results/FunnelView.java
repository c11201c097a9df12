package org.bestplace.results;

import java.util.List;
import org.bestplace.statistics.FunnelPlot;
import org.bestplace.web.FunnelChart;

/** A funnel plot of an audit's wards or specialties as the results page shows it: the drawing and its points in words. */
public record FunnelView(VariationService.By by, FunnelPlot.Chart chart, String svg, List<String> outside998,
        List<String> outside95) {

    public static FunnelView of(VariationService.Funnel funnel) {
        FunnelPlot.Chart chart = funnel.chart();
        String noun = VariationService.noun(funnel.by());
        String svg = FunnelChart.svg(VariationService.lower(funnel.by()) + "-funnel", "Not qualifying by "
                + VariationService.lower(funnel.by()) + " against patient-days: funnel plot", noun, chart);
        return new FunnelView(funnel.by(), chart, svg,
                chart.points().stream().filter(p -> !p.inside998()).map(FunnelPlot.Point::key).toList(),
                chart.points().stream().filter(p -> p.inside998() && !p.inside95()).map(FunnelPlot.Point::key).toList());
    }

    /** "ward" or "specialty". */
    public String what() {
        return VariationService.lower(by);
    }

    /** "Ward" or "Specialty", for a column heading. */
    public String heading() {
        return by == VariationService.By.WARD ? "Ward" : "Specialty";
    }

    public String plural() {
        return VariationService.noun(by);
    }

    public boolean hasPoints() {
        return !chart.points().isEmpty();
    }
}
