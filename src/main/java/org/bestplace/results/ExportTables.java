package org.bestplace.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bestplace.audit.Audit;
import org.bestplace.debrief.Agreement;
import org.bestplace.debrief.DailySummary;
import org.bestplace.debrief.Interval;
import org.bestplace.debrief.Wilson;

/**
 * The summary tables of an export, with counts shown as the {@link Suppression} says. Every
 * figure here is one the results page shows; the internal export adds the case rows behind them.
 */
public final class ExportTables {

    public static final List<String> BREAKDOWN = List.of("key", "reviewed", "not_qualifying", "proportion",
            "ci95_low", "ci95_high");

    private ExportTables() {
    }

    public static List<ExportTable> of(ResultsService.Results results, Suppression suppression, String by,
            Instant at) {
        DailySummary summary = results.summary();
        List<ExportTable> tables = new ArrayList<>();
        tables.add(about(results.audit(), suppression, by, at));
        tables.add(summary(summary, suppression));
        List<List<Object>> days = new ArrayList<>();
        for (ResultsService.DayRow day : results.days()) {
            List<Object> row = new ArrayList<>(List.of(day.date()));
            row.addAll(figures(day.reviewed(), day.notQualifying(), suppression));
            row.add(day.signedOff() ? "yes" : "no");
            days.add(row);
        }
        tables.add(new ExportTable("by_day", List.of("date", "reviewed", "not_qualifying", "proportion", "ci95_low",
                "ci95_high", "debrief_signed_off"), days));
        tables.add(breakdown("by_ward", summary.byWard(), suppression));
        tables.add(breakdown("by_specialty", summary.bySpecialty(), suppression));
        tables.add(breakdown("by_sector", summary.bySector(), suppression));
        tables.add(breakdown("by_stay_band", summary.byStayBand(), suppression));
        tables.add(breakdown("by_age_band", summary.byAgeBand(), suppression));
        tables.add(counts("alternatives", summary.alternatives(), results.titles(), suppression));
        tables.add(counts("reasons", summary.reasons(), results.titles(), suppression));
        tables.add(agreement(results.agreement(), suppression));
        return tables;
    }

    private static ExportTable about(Audit audit, Suppression suppression, String by, Instant at) {
        List<List<Object>> rows = List.of(
                List.of("audit", audit.title),
                List.of("audit_id", String.valueOf(audit.id)),
                List.of("agreed_question", audit.question),
                List.of("site", audit.site),
                List.of("start_date", audit.startDate),
                List.of("end_date", audit.endDate),
                List.of("criteria_set", audit.criteriaSet.setId + " " + audit.criteriaSet.version),
                List.of("criteria_content_hash", audit.criteriaHash),
                List.of("status", audit.status.name()),
                List.of("mode", suppression.publication() ? "publication" : "internal"),
                List.of("rule", suppression.rule()),
                List.of("unit", "patient-day: each case reviewed on a day counts once, by its first submitted review;"
                        + " 'agreed' figures follow the debrief decisions"),
                List.of("exported_by", by),
                List.of("exported_at", at.toString()));
        return new ExportTable("about", List.of("item", "value"), rows);
    }

    private static ExportTable summary(DailySummary s, Suppression suppression) {
        DailySummary.Agreed agreed = s.asAgreed();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("reviewed", suppression.count(s.reviewed())));
        rows.add(row("qualifying", suppression.count(s.qualifying())));
        rows.add(row("not_qualifying", suppression.count(s.notQualifying())));
        addProportion(rows, "", s.notQualifying(), s.reviewed(), suppression);
        rows.add(row("agreed_reviewed", suppression.count(agreed.reviewed())));
        rows.add(row("agreed_not_qualifying", suppression.count(agreed.notQualifying())));
        addProportion(rows, "agreed_", agreed.notQualifying(), agreed.reviewed(), suppression);
        rows.add(row("unresolved", suppression.count(agreed.unresolved())));
        rows.add(row("decided_at_debrief", suppression.count(agreed.decided())));
        rows.add(row("reviews_submitted", suppression.count(s.reviews())));
        rows.add(row("overrides", suppression.count(s.overrides())));
        Object overrideRate = suppression.proportion(s.overrides(), s.reviews());
        rows.add(row("override_rate", overrideRate == null ? "no reviews" : overrideRate));
        return new ExportTable("summary", List.of("measure", "value"), rows);
    }

    private static void addProportion(List<List<Object>> rows, String prefix, long part, long whole,
            Suppression suppression) {
        List<Object> figures = figures(whole, part, suppression);
        rows.add(row(prefix + "proportion_not_qualifying", figures.get(2)));
        rows.add(row(prefix + "ci95_low", figures.get(3)));
        rows.add(row(prefix + "ci95_high", figures.get(4)));
    }

    private static ExportTable breakdown(String name, List<DailySummary.Row> source, Suppression suppression) {
        List<List<Object>> rows = new ArrayList<>();
        for (DailySummary.Row row : source) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.key());
            cells.addAll(figures(row.reviewed(), row.notQualifying(), suppression));
            rows.add(cells);
        }
        return new ExportTable(name, BREAKDOWN, rows);
    }

    /**
     * Reviewed, not qualifying, proportion and its Wilson interval, all from the counts as shown.
     * With no patient-days the proportion and interval cells say so in words.
     */
    static List<Object> figures(long reviewed, long notQualifying, Suppression suppression) {
        Long shownWhole = suppression.shown(reviewed);
        Long shownPart = suppression.shown(notQualifying);
        Object proportion = suppression.proportion(notQualifying, reviewed);
        if (proportion == null) {
            proportion = Interval.NO_PATIENT_DAYS;
        }
        Object low = proportion;
        Object high = proportion;
        if (proportion instanceof Double) {
            Interval ci = Wilson.interval(shownPart, shownWhole);
            low = ci.low();
            high = ci.high();
        }
        return Arrays.asList(suppression.count(reviewed), suppression.count(notQualifying), proportion, low, high);
    }

    private static ExportTable counts(String name, List<DailySummary.Count> source, Map<String, String> titles,
            Suppression suppression) {
        List<List<Object>> rows = new ArrayList<>();
        for (DailySummary.Count count : source) {
            rows.add(Arrays.asList(count.code(), titles.getOrDefault(count.code(), count.code()),
                    suppression.count(count.count())));
        }
        return new ExportTable(name, List.of("code", "title", "count"), rows);
    }

    private static ExportTable agreement(Agreement agreement, Suppression suppression) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(agreementRow("all", agreement.pairs(), agreement.agreed(), agreement.kappa(), agreement.ci95(),
                agreement.pabak(), agreement.kappaReason(), agreement.ci95Reason(), agreement.fleissKappa(),
                suppression));
        for (Agreement.SectorPair pair : agreement.bySectorPair()) {
            rows.add(agreementRow(pair.sectors(), pair.pairs(), pair.agreed(), pair.kappa(),
                    pair.ci95(), pair.pabak(), pair.kappaReason(), pair.ci95Reason(), pair.fleissKappa(), suppression));
        }
        return new ExportTable("agreement", List.of("sectors", "pairs", "agreed", "percent_agreement", "kappa",
                "ci95_low", "ci95_high", "pabak", "fleiss_kappa"), rows);
    }

    /**
     * Percent agreement comes from the counts as shown; kappa and PABAK are statistics, not
     * counts, and are shown unless the number of pairs behind them is hidden.
     */
    private static List<Object> agreementRow(String sectors, long pairs, long agreed, Double kappa, Interval ci,
            Double pabak, String kappaReason, String ciReason, Double fleiss, Suppression suppression) {
        if (suppression.shown(pairs) == null) {
            List<Object> row = new ArrayList<>(List.of(sectors));
            row.addAll(java.util.Collections.nCopies(8, Suppression.HIDDEN));
            return row;
        }
        Object percent = suppression.proportion(agreed, pairs);
        return Arrays.asList(sectors, suppression.count(pairs), suppression.count(agreed),
                percent == null ? Interval.NO_PATIENT_DAYS : percent, kappa == null ? kappaReason : kappa,
                ci == null ? ciReason : ci.low(), ci == null ? ciReason : ci.high(),
                pabak == null ? Interval.NO_PATIENT_DAYS : pabak,
                fleiss == null ? (pairs == 0 ? Interval.NO_PATIENT_DAYS : Interval.NOT_ESTIMABLE) : fleiss);
    }

    private static List<Object> row(String measure, Object value) {
        return Arrays.asList(measure, value);
    }
}
