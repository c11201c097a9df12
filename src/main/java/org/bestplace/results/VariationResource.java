package org.bestplace.results;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.bestplace.security.CurrentUser;
import org.bestplace.statistics.FunnelPlot;
import org.bestplace.statistics.PChart;
import org.bestplace.web.ControlChart;

/** {@code GET /api/audits/{id}/spc} and {@code .../funnel?by=ward|specialty}. */
@Path("/api/audits/{auditId}")
@Produces(MediaType.APPLICATION_JSON)
public class VariationResource {

    /**
     * The p-chart as the contract gives it, and beside it each signal once, as a stretch of days
     * with its name ({@code text}), for a reader that lists them.
     */
    public record Spc(Double centre, boolean trialLimits, List<PChart.Point> points, List<SignalView> stretches) {
    }

    public record SignalView(PChart.Signal signal, PChart.Direction direction, LocalDate from, LocalDate to,
            int days, String text) {
        static SignalView of(PChart.Stretch s) {
            return new SignalView(s.signal(), s.direction(), s.from(), s.to(), s.days(), ControlChart.name(s));
        }
    }

    /** The funnel plot as the contract gives it, and {@code by}: what its points are. */
    public record Funnel(String by, Double overall, List<FunnelPlot.Point> points, List<FunnelPlot.Limit> limits) {
    }

    @Inject
    VariationService variation;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/spc")
    public Spc spc(@PathParam("auditId") Long auditId) {
        PChart.Chart chart = variation.spc(auditId, currentUser.user(), currentUser.isAdmin());
        return new Spc(chart.centre(), chart.trialLimits(), chart.points(),
                chart.stretches().stream().map(SignalView::of).toList());
    }

    @GET
    @Path("/funnel")
    public Funnel funnel(@PathParam("auditId") Long auditId, @QueryParam("by") String by) {
        VariationService.Funnel funnel = variation.funnel(auditId, by, currentUser.user(), currentUser.isAdmin());
        return new Funnel(VariationService.lower(funnel.by()), funnel.chart().overall(), funnel.chart().points(),
                funnel.chart().limits());
    }
}
