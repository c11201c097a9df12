package org.bestplace.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import org.bestplace.audit.AuditAccess;
import org.bestplace.debrief.DailySummary;
import org.bestplace.security.User;
import org.bestplace.statistics.FunnelPlot;
import org.bestplace.statistics.PChart;
import org.bestplace.web.DomainException;

/**
 * Variation across an audit's days (the p-chart) and between its wards or specialties (the funnel
 * plot), "as reviewed" by first reviews like the trend by day. Anyone on the team reads them, with
 * the figures the summary gives them: a reviewer, while the audit collects, only the days whose
 * debrief is open (see {@link AuditAccess#seesOnlyOpenedDays()}).
 */
@ApplicationScoped
public class VariationService {

    /** What a funnel plot of one audit compares. */
    public enum By {
        WARD,
        SPECIALTY
    }

    /** The funnel plot and what its points are. */
    public record Funnel(By by, FunnelPlot.Chart chart) {
    }

    @Inject
    EntityManager em;

    @Inject
    ResultsService results;

    @Transactional
    public PChart.Chart spc(Long auditId, User user, boolean admin) {
        AuditAccess access = AuditAccess.of(auditId, user, admin);
        boolean openedOnly = access.seesOnlyOpenedDays();
        List<PChart.Day> days = results.days(access.audit().id).stream()
                .filter(d -> d.reviewed() > 0 && (!openedOnly || d.debriefOpened()))
                .map(d -> new PChart.Day(d.date(), d.reviewed(), d.notQualifying())).toList();
        return PChart.of(days);
    }

    /** {@code by} is {@code ward} (the default) or {@code specialty}; anything else is a 400 naming {@code by}. */
    @Transactional
    public Funnel funnel(Long auditId, String by, User user, boolean admin) {
        AuditAccess access = AuditAccess.of(auditId, user, admin);
        By chosen = by(by);
        DailySummary summary = DailySummary.compute(em, access.audit().id, null, access.seesOnlyOpenedDays());
        List<DailySummary.Row> rows = chosen == By.WARD ? summary.byWard() : summary.bySpecialty();
        return new Funnel(chosen, FunnelPlot.of(rows.stream()
                .map(r -> new FunnelPlot.Group(r.key(), r.reviewed(), r.notQualifying())).toList()));
    }

    /** The p-chart as the pages show it. */
    public SpcView spcView(Long auditId, User user, boolean admin) {
        return SpcView.of(spc(auditId, user, admin));
    }

    /** The funnel plot as the results page shows it. */
    public FunnelView funnelView(Long auditId, String by, User user, boolean admin) {
        return FunnelView.of(funnel(auditId, by, user, admin));
    }

    static By by(String value) {
        if (value == null || value.isBlank()) {
            return By.WARD;
        }
        for (By by : By.values()) {
            if (by.name().equalsIgnoreCase(value.strip())) {
                return by;
            }
        }
        throw DomainException.invalid("by", "A funnel plot of an audit compares its wards or its specialties: use"
                + " by=ward or by=specialty, not '" + value + "'.");
    }

    static String noun(By by) {
        return by == By.WARD ? "wards" : "specialties";
    }

    static String lower(By by) {
        return by.name().toLowerCase(Locale.ROOT);
    }
}
