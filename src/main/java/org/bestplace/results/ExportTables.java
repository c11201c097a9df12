package org.bestplace.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bestplace.audit.Audit;
import org.bestplace.debrief.Agreement;
import org.bestplace.debrief.DailySummary;
import org.bestplace.statistics.Interval;
import org.bestplace.statistics.TrainingScores;
import org.bestplace.statistics.Wilson;
import org.bestplace.training.TrainingService;

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
        Object[] totals = suppression.split(summary.reviewed(), summary.notQualifying());
        List<ResultsService.DayRow> dayRows = results.days();
        List<List<Object>> dayFigures = figures(dayRows.stream().map(d -> new long[] {d.reviewed(), d.notQualifying()})
                .toList(), summary, suppression);
        List<List<Object>> days = new ArrayList<>();
        for (int i = 0; i < dayRows.size(); i++) {
            List<Object> row = new ArrayList<>(List.of(dayRows.get(i).date()));
            row.addAll(dayFigures.get(i));
            row.add(dayRows.get(i).signedOff() ? "yes" : "no");
            days.add(row);
        }
        tables.add(new ExportTable("by_day", List.of("date", "reviewed", "not_qualifying", "proportion", "ci95_low",
                "ci95_high", "debrief_signed_off"), days));
        tables.add(breakdown("by_ward", summary.byWard(), summary, suppression));
        tables.add(breakdown("by_specialty", summary.bySpecialty(), summary, suppression));
        tables.add(breakdown("by_sector", summary.bySector(), summary, suppression));
        tables.add(breakdown("by_stay_band", summary.byStayBand(), summary, suppression));
        tables.add(breakdown("by_age_band", summary.byAgeBand(), summary, suppression));
        // Each not-qualifying patient-day has one alternative, so they make up the not-qualifying total.
        tables.add(counts("alternatives", summary.alternatives(), results.titles(), totals[1],
                summary.notQualifying(), suppression));
        // Reasons overlap (a patient-day may have several), so they make up no total.
        tables.add(counts("reasons", summary.reasons(), results.titles(), null, 0, suppression));
        tables.add(agreement(results.agreement(), suppression));
        tables.add(trainingAgreement(results.training()));
        return tables;
    }

    static final String NO_NOT_QUALIFYING_REFERENCE = "no reference not qualifying";
    static final String NO_QUALIFYING_REFERENCE = "no reference qualifying";

    /**
     * The team's agreement with the training references in the current round: all its reviewers'
     * answers pooled, then each sector's. Shown as they are in both modes: the counts are of
     * answers to synthetic cases, not of patients, and the rows name no one.
     */
    private static ExportTable trainingAgreement(TrainingService.TeamAgreement training) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(trainingRow(training.round(), training.all()));
        training.bySector().forEach(g -> rows.add(trainingRow(training.round(), g)));
        return new ExportTable("training_agreement", List.of("sector", "round", "reviewers", "answered", "agreed",
                "percent_agreement", "kappa", "ci95_low", "ci95_high", "sensitivity", "specificity"), rows);
    }

    private static List<Object> trainingRow(int round, TrainingService.GroupScores group) {
        TrainingScores s = group.scores();
        String none = s.answered() == 0 ? TrainingScores.NOTHING_ANSWERED : null;
        Object kappa = s.kappa() != null ? s.kappa() : s.ci95Reason() != null ? s.ci95Reason() : Interval.NOT_ESTIMABLE;
        Object ciLow = s.ci95() != null ? s.ci95().low() : s.ci95Reason();
        Object ciHigh = s.ci95() != null ? s.ci95().high() : s.ci95Reason();
        return Arrays.asList(group.group(), (long) round, (long) group.reviewers(), s.answered(), s.agreed(),
                s.percentAgreement() != null ? s.percentAgreement() : none,
                kappa, ciLow, ciHigh,
                s.sensitivity() != null ? s.sensitivity() : none != null ? none : NO_NOT_QUALIFYING_REFERENCE,
                s.specificity() != null ? s.specificity() : none != null ? none : NO_QUALIFYING_REFERENCE);
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
        Object[] reviewed = suppression.split(s.reviewed(), s.notQualifying());
        rows.add(row("reviewed", reviewed[0]));
        rows.add(row("qualifying", reviewed[2]));
        rows.add(row("not_qualifying", reviewed[1]));
        addProportion(rows, "", reviewed[1], reviewed[0]);
        Object[] settled = suppression.split(s.reviewed(), agreed.reviewed());
        Object[] agreedNo = HIDDEN_OR(settled[1], suppression.split(agreed.reviewed(), agreed.notQualifying()));
        rows.add(row("agreed_reviewed", settled[1]));
        rows.add(row("agreed_not_qualifying", agreedNo[1]));
        addProportion(rows, "agreed_", agreedNo[1], settled[1]);
        rows.add(row("unresolved", settled[2]));
        rows.add(row("decided_at_debrief", suppression.count(agreed.decided())));
        rows.add(row("reviews_submitted", suppression.count(s.reviews())));
        rows.add(row("overrides", suppression.count(s.overrides())));
        Object overrideRate = suppression.proportion(s.overrides(), s.reviews());
        rows.add(row("override_rate", overrideRate == null ? "no reviews" : overrideRate));
        return new ExportTable("summary", List.of("measure", "value"), rows);
    }

    /** A part of a hidden total is hidden too. */
    private static Object[] HIDDEN_OR(Object total, Object[] split) {
        return Suppression.HIDDEN.equals(total) ? new Object[] {total, Suppression.HIDDEN, Suppression.HIDDEN} : split;
    }

    private static void addProportion(List<List<Object>> rows, String prefix, Object part, Object whole) {
        List<Object> figures = proportion(part, whole);
        rows.add(row(prefix + "proportion_not_qualifying", figures.get(0)));
        rows.add(row(prefix + "ci95_low", figures.get(1)));
        rows.add(row(prefix + "ci95_high", figures.get(2)));
    }

    /** Proportion and Wilson interval from two published cells: numbers, {@code *} or words. */
    static List<Object> proportion(Object part, Object whole) {
        if (!(part instanceof Long p) || !(whole instanceof Long w)) {
            return Arrays.asList(Suppression.HIDDEN, Suppression.HIDDEN, Suppression.HIDDEN);
        }
        if (w == 0) {
            return Arrays.asList(Interval.NO_PATIENT_DAYS, Interval.NO_PATIENT_DAYS, Interval.NO_PATIENT_DAYS);
        }
        Interval ci = Wilson.interval(p, w);
        return Arrays.asList((double) p / w, ci.low(), ci.high());
    }

    private static ExportTable breakdown(String name, List<DailySummary.Row> source, DailySummary summary,
            Suppression suppression) {
        List<List<Object>> figures = figures(source.stream().map(r -> new long[] {r.reviewed(), r.notQualifying()})
                .toList(), summary, suppression);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            List<Object> cells = new ArrayList<>();
            cells.add(source.get(i).key());
            cells.addAll(figures.get(i));
            rows.add(cells);
        }
        return new ExportTable(name, BREAKDOWN, rows);
    }

    /**
     * Reviewed, not qualifying, proportion and its Wilson interval for rows that make up the
     * summary's totals, all from the counts as published by {@link #columns}.
     */
    static List<List<Object>> figures(List<long[]> counts, DailySummary summary, Suppression suppression) {
        List<Object>[] columns = columns(counts, summary.reviewed(), summary.notQualifying(), suppression);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            List<Object> row = new ArrayList<>(List.of(columns[0].get(i), columns[1].get(i)));
            row.addAll(proportion(columns[1].get(i), columns[0].get(i)));
            rows.add(row);
        }
        return rows;
    }

    /**
     * Rows of {@code [whole, part]} (reviewed and not qualifying; pairs and agreed) that make up
     * {@code whole} and {@code part}, as published: {@code [wholes, parts]}. Each row is split and
     * protected as {@link Suppression#protectParts} says. Where a column and its total are shown in
     * full, the column is rounded with {@link Suppression#roundToTotal} so that it adds up to the
     * published total: with every part shown, the parts and their complements (whole less part) are
     * each rounded to their published totals and a row's whole is the sum of the two, which keeps
     * both columns adding up and no part above its whole; with only the wholes shown in full, the
     * wholes are, and a part equal to its whole is published as that whole. Shown counts elsewhere
     * are rounded on their own.
     */
    @SuppressWarnings("unchecked")
    static List<Object>[] columns(List<long[]> counts, long whole, long part, Suppression suppression) {
        Object[] totals = suppression.split(whole, part);
        List<Object> wholes = new ArrayList<>();
        List<Object> parts = new ArrayList<>();
        for (long[] row : counts) {
            Object[] split = suppression.split(row[0], row[1]);
            wholes.add(split[0]);
            parts.add(split[1]);
        }
        long[] exactWholes = counts.stream().mapToLong(r -> r[0]).toArray();
        long[] exactParts = counts.stream().mapToLong(r -> r[1]).toArray();
        long[] exactRests = counts.stream().mapToLong(r -> r[0] - r[1]).toArray();
        suppression.protectParts(totals[0], exactWholes, wholes);
        for (int i = 0; i < counts.size(); i++) {
            if (Suppression.HIDDEN.equals(wholes.get(i))) {
                parts.set(i, Suppression.HIDDEN);
            }
        }
        suppression.protectParts(totals[1], exactParts, parts);
        // Only rows that make up the totals exactly are rounded to them.
        boolean makeUp = suppression.publication() && Arrays.stream(exactWholes).sum() == whole
                && Arrays.stream(exactParts).sum() == part;
        long[] roundedParts = makeUp && shownInFull(totals[1], parts)
                ? Suppression.roundToTotal(exactParts, (Long) totals[1]) : null;
        long[] roundedRests = roundedParts != null ? Suppression.roundToTotal(exactRests, (Long) totals[2]) : null;
        if (roundedRests != null) {
            for (int i = 0; i < counts.size(); i++) {
                parts.set(i, roundedParts[i]);
                wholes.set(i, roundedParts[i] + roundedRests[i]);
            }
        } else if (makeUp && shownInFull(totals[0], wholes)) {
            long[] roundedWholes = Suppression.roundToTotal(exactWholes, (Long) totals[0]);
            for (int i = 0; roundedWholes != null && i < counts.size(); i++) {
                wholes.set(i, roundedWholes[i]);
                if (exactParts[i] == exactWholes[i] && !Suppression.HIDDEN.equals(parts.get(i))) {
                    parts.set(i, roundedWholes[i]);
                }
            }
        }
        return new List[] {wholes, parts};
    }

    private static boolean shownInFull(Object total, List<Object> shown) {
        return total instanceof Long && shown.stream().noneMatch(Suppression.HIDDEN::equals);
    }

    /** {@code total} is the published total the counts make up ({@code exactTotal} exactly), or null. */
    private static ExportTable counts(String name, List<DailySummary.Count> source, Map<String, String> titles,
            Object total, long exactTotal, Suppression suppression) {
        List<Object> shown = new ArrayList<>();
        source.forEach(c -> shown.add(suppression.count(c.count())));
        long[] exact = source.stream().mapToLong(DailySummary.Count::count).toArray();
        if (total != null) {
            suppression.protectParts(total, exact, shown);
            long[] rounded = suppression.publication() && Arrays.stream(exact).sum() == exactTotal
                    && shownInFull(total, shown) ? Suppression.roundToTotal(exact, (Long) total) : null;
            for (int i = 0; rounded != null && i < rounded.length; i++) {
                shown.set(i, rounded[i]);
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            DailySummary.Count count = source.get(i);
            rows.add(Arrays.asList(count.code(), titles.getOrDefault(count.code(), count.code()), shown.get(i)));
        }
        return new ExportTable(name, List.of("code", "title", "count"), rows);
    }

    private static ExportTable agreement(Agreement agreement, Suppression suppression) {
        List<Agreement.SectorPair> pairs = agreement.bySectorPair();
        Object[] overall = suppression.split(agreement.pairs(), agreement.agreed());
        // Sector pairs make up all pairs, and their agreements all agreements.
        List<Object>[] columns = columns(pairs.stream().map(p -> new long[] {p.pairs(), p.agreed()}).toList(),
                agreement.pairs(), agreement.agreed(), suppression);
        List<Object> pairCounts = columns[0];
        List<Object> agreedCounts = columns[1];
        List<List<Object>> rows = new ArrayList<>();
        rows.add(agreementRow("all", overall[0], overall[1], agreement.kappa(), agreement.ci95(), agreement.pabak(),
                agreement.kappaReason(), agreement.ci95Reason(), agreement.fleissKappa(), suppression));
        for (int i = 0; i < pairs.size(); i++) {
            Agreement.SectorPair pair = pairs.get(i);
            rows.add(agreementRow(pair.sectors(), pairCounts.get(i), agreedCounts.get(i), pair.kappa(), pair.ci95(),
                    pair.pabak(), pair.kappaReason(), pair.ci95Reason(), pair.fleissKappa(), suppression));
        }
        return new ExportTable("agreement", List.of("sectors", "pairs", "agreed", "percent_agreement", "kappa",
                "ci95_low", "ci95_high", "pabak", "fleiss_kappa"), rows);
    }

    static final String WITHHELD = "withheld: needs the exact counts";

    /**
     * Internal exports give every figure. In publication, percent agreement and PABAK are worked out
     * from the published pairs and agreements (hidden when either is); kappa, its interval and
     * Fleiss' kappa need the exact 2×2 table, which would give the hidden counts back, so they are
     * withheld.
     */
    private static List<Object> agreementRow(String sectors, Object pairs, Object agreed, Double kappa, Interval ci,
            Double pabak, String kappaReason, String ciReason, Double fleiss, Suppression suppression) {
        if (suppression.publication()) {
            Object percent = Suppression.HIDDEN;
            Object adjusted = Suppression.HIDDEN;
            if (pairs instanceof Long p && agreed instanceof Long a) {
                percent = p == 0 ? Interval.NO_PATIENT_DAYS : (Object) ((double) a / p);
                adjusted = p == 0 ? Interval.NO_PATIENT_DAYS : (Object) Interval.tidy(2.0 * a / p - 1);
            }
            return Arrays.asList(sectors, pairs, agreed, percent, WITHHELD, WITHHELD, WITHHELD, adjusted, WITHHELD);
        }
        long p = (Long) pairs;
        long a = (Long) agreed;
        return Arrays.asList(sectors, p, a, p == 0 ? Interval.NO_PATIENT_DAYS : (Object) ((double) a / p),
                kappa == null ? kappaReason : kappa, ci == null ? ciReason : ci.low(), ci == null ? ciReason : ci.high(),
                pabak == null ? Interval.NO_PATIENT_DAYS : pabak,
                fleiss == null ? (p == 0 ? Interval.NO_PATIENT_DAYS : Interval.NOT_ESTIMABLE) : fleiss);
    }

    private static List<Object> row(String measure, Object value) {
        return Arrays.asList(measure, value);
    }
}
