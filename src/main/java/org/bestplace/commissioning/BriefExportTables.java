package org.bestplace.commissioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bestplace.BestplaceConfig;
import org.bestplace.audit.Audit;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.results.AuditExportTables;
import org.bestplace.results.ExportColumn;
import org.bestplace.results.ExportSchema;
import org.bestplace.results.ExportTable;
import org.bestplace.results.Suppression;
import org.bestplace.statistics.Interval;
import org.bestplace.statistics.Wilson;

/**
 * The commissioning brief's figures as the {@code commissioning_brief} table of every export, on the
 * audit's own bed base (the patients it reviewed on an average day): one row per figure, with the
 * patient-days behind it, the share and its interval, and the estimate with its limits in the
 * figure's unit (beds, bed-days a year, money a year). The internal export has the brief's own
 * numbers. The publication export shows counts as every publication table does and works each
 * share, interval and bed figure out from the published counts (the bed base too), shows a figure
 * over a hidden count as {@code *}, and leaves out the costs, which would give the counts back.
 */
@ApplicationScoped
public class BriefExportTables implements AuditExportTables {

    static final List<String> COLUMNS = List.of("figure", "code", "title", "patient_days", "of_patient_days",
            "proportion", "ci95_low", "ci95_high", "estimate", "low", "high", "unit");

    @Inject
    CommissioningService commissioning;

    @Inject
    CriteriaService criteria;

    @Inject
    BestplaceConfig config;

    @Override
    public List<ExportSchema> schemas(boolean publication) {
        List<ExportColumn> columns = List.of(
                ExportColumn.text("figure", "which figure of the brief the row holds (patient_days, unresolved,"
                        + " audit_days, bed_base, beds_occupied, annual_bed_days, alternative, reason_group and,"
                        + " internal only, the annual costs)").mustBeGiven(),
                ExportColumn.text("code", "the alternative place's code, the reason group or the costed place"),
                ExportColumn.text("title", "the figure in words"),
                ExportColumn.count("patient_days", "the patient-days behind the figure"),
                ExportColumn.count("of_patient_days", "the settled patient-days it is a share of"),
                ExportColumn.proportion("proportion", "patient_days over of_patient_days"),
                ExportColumn.figure("ci95_low", "the share's Wilson 95% interval, lower end").mayBeHidden(),
                ExportColumn.figure("ci95_high", "the share's Wilson 95% interval, upper end").mayBeHidden(),
                ExportColumn.figure("estimate", "the figure in its unit, on the audit's own bed base").mayBeHidden(),
                ExportColumn.figure("low", "the estimate's lower limit").mayBeHidden(),
                ExportColumn.figure("high", "the estimate's upper limit").mayBeHidden(),
                ExportColumn.text("unit", "the estimate's unit (beds, bed-days a year, money a year, ...)"));
        return List.of(new ExportSchema("commissioning_brief", "the commissioning brief's figures on the audit's"
                + " own bed base, one figure a row", columns, List.of()));
    }

    @Override
    public List<ExportTable> tables(Audit audit, boolean publication) {
        return tables(audit, publication, false);
    }

    @Override
    public List<ExportTable> tables(Audit audit, boolean publication, boolean openedDaysOnly) {
        CriteriaFile set = criteria.definition(audit.criteriaSet);
        CommissioningBrief.Counts counts = commissioning.counts(audit.id, openedDaysOnly, set);
        CommissioningBrief brief = CommissioningBrief.work(counts, set, null, null, UnitCosts.of(audit),
                openedDaysOnly, null, List.of());
        Suppression suppression = publication ? Suppression.publication(config.publicationThreshold())
                : Suppression.internal();
        Figures figures = new Figures(suppression, brief.patientDays(), brief.auditDays());
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("patient_days", null, "Settled patient-days", suppression.count(brief.patientDays()),
                null, null, null, null, null, null, null, "patient-days"));
        rows.add(Arrays.asList("unresolved", null, "Unresolved patient-days, left apart",
                suppression.count(brief.unresolved()), null, null, null, null, null, null, null, "patient-days"));
        rows.add(Arrays.asList("audit_days", null, "Days with a submitted review", brief.auditDays(), null, null, null,
                null, null, null, null, "days"));
        rows.add(Arrays.asList("bed_base", null, "Bed base: patients reviewed on an average audit day", null, null,
                null, null, null, figures.base(), null, null, "beds"));
        Object shownNotQualifying = suppression.count(brief.notQualifying());
        rows.add(figures.row("beds_occupied", null, "Beds occupied by patients who could be cared for elsewhere",
                brief.notQualifying(), shownNotQualifying, 1, "beds"));
        rows.add(figures.row("annual_bed_days", null, "The same as bed-days a year", brief.notQualifying(),
                shownNotQualifying, CommissioningBrief.DAYS_A_YEAR, "bed-days a year"));
        // Each not-qualifying patient-day has one place, so the places make up the not-qualifying total.
        long[] places = brief.byAlternative().stream().mapToLong(CommissioningBrief.AlternativeRow::patientDays)
                .toArray();
        List<Object> shownPlaces = new ArrayList<>();
        for (long count : places) {
            shownPlaces.add(suppression.count(count));
        }
        suppression.protectParts(shownNotQualifying, places, shownPlaces);
        for (int i = 0; i < places.length; i++) {
            CommissioningBrief.AlternativeRow a = brief.byAlternative().get(i);
            rows.add(figures.row("alternative", a.code(), a.title(), a.patientDays(), shownPlaces.get(i), 1,
                    "beds or places"));
        }
        // Groups overlap, so they make up no total and are protected each on its own.
        for (CommissioningBrief.GroupRow g : brief.byReasonGroup()) {
            rows.add(figures.row("reason_group", g.group(), g.title(), g.patientDays(),
                    suppression.count(g.patientDays()), 1, "beds"));
        }
        if (!publication && brief.costs() != null) {
            CommissioningBrief.Costs c = brief.costs();
            for (CommissioningBrief.CostRow row : c.byAlternative()) {
                rows.add(cost("annual_cost_in_hospital", row.code(), row.title(), row.annualCostInHospital(), c));
                rows.add(cost("annual_cost_in_alternative", row.code(), row.title(), row.annualCostInAlternative(), c));
                rows.add(cost("annual_cost_difference", row.code(), row.title(), row.difference(), c));
            }
            rows.add(cost("annual_cost_in_hospital", "total", "All costed places", c.total().annualCostInHospital(), c));
            rows.add(cost("annual_cost_in_alternative", "total", "All costed places",
                    c.total().annualCostInAlternative(), c));
            rows.add(cost("annual_cost_difference", "total", "All costed places", c.total().difference(), c));
        }
        return List.of(new ExportTable("commissioning_brief", COLUMNS, rows));
    }

    private static List<Object> cost(String figure, String code, String title, double value,
            CommissioningBrief.Costs costs) {
        return Arrays.asList(figure, code, title + " (source: " + costs.source() + ")", null, null, null, null, null,
                value, null, null, costs.currency() + " a year");
    }

    /**
     * A figure's cells from its count over all settled patient-days: as the brief works it internally,
     * or from the published counts in publication mode.
     */
    private record Figures(Suppression suppression, long patientDays, long auditDays) {

        Object shownDays() {
            return suppression.count(patientDays);
        }

        /** The bed base, from the shown patient-days; null with no audit day, {@code *} when hidden. */
        Object base() {
            Object days = shownDays();
            if (auditDays == 0) {
                return null;
            }
            return days instanceof Long n ? (double) n / auditDays : Suppression.HIDDEN;
        }

        List<Object> row(String figure, String code, String title, long count, Object shown, int factor, String unit) {
            Object whole = shownDays();
            Object base = base();
            if (!(shown instanceof Long x) || !(whole instanceof Long n) || !(base instanceof Double b)) {
                Object hidden = patientDays == 0 ? null : Suppression.HIDDEN;
                return Arrays.asList(figure, code, title, shown, whole, hidden, hidden, hidden, hidden, hidden,
                        hidden, unit);
            }
            if (n == 0) {
                return Arrays.asList(figure, code, title, x, n, null, null, null, null, null, null, unit);
            }
            double p = (double) x / n;
            Interval ci = Wilson.interval(x, n);
            return Arrays.asList(figure, code, title, x, n, p, ci.low(), ci.high(), Interval.tidy(p * b * factor),
                    Interval.tidy(ci.low() * b * factor), Interval.tidy(ci.high() * b * factor), unit);
        }
    }
}
