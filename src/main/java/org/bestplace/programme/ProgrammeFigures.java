package org.bestplace.programme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bestplace.results.Suppression;
import org.bestplace.statistics.Interval;
import org.bestplace.statistics.Wilson;

/**
 * A programme's figures from its audits' own headline figures: each audit's row, the pooled
 * figure with its Wilson 95% interval, and the alternatives and reasons pooled. A reader sees an
 * audit exactly only when on that audit's team; any other audit is shown as its publication
 * export would show it ({@link Suppression}), and the pooled figures are exact only for a reader
 * on every audit's team (otherwise they are published too, since the exact total less the audits
 * the reader sees exactly would give the others back).
 *
 * <p>Secondary suppression across the audits, as across an export's wards: beside a hidden pooled
 * count every published audit's count is hidden; no published audit's count is the only hidden one
 * among the pooled count and the published audits (the smallest other published one is hidden as
 * well, and when there is none, the pooled count is).
 */
public final class ProgrammeFigures {

    /** Why a proportion is not shown: one of its counts is not published. */
    public static final String HIDDEN_REASON = "not published: counts from 1 to the threshold are hidden";

    private ProgrammeFigures() {
    }

    /**
     * One audit's headline as its results page gives it to the reader: settled patient-days "as
     * agreed", those not qualifying, unresolved ones; first reviews' not-qualifying count and their
     * alternatives and reasons (by code). {@code onTeam}: the reader is on the audit's team.
     */
    public record AuditCounts(String id, String title, String site, String status, boolean onTeam,
            boolean openedDaysOnly, long patientDays, long notQualifying, long unresolved,
            long firstReviewNotQualifying, Map<String, Long> alternatives, Map<String, Long> reasons) {
    }

    /** An audit as the programme shows it. A count is {@code null} where it is not published. */
    public record AuditRow(String id, String title, String site, String status, String mode, Long reviewed,
            Long notQualifying, Double proportion, Interval ci95, String ci95Reason, Long unresolved,
            boolean openedDaysOnly) {

        public boolean publication() {
            return "publication".equals(mode);
        }
    }

    /** The audits added together. */
    public record Pooled(String mode, Long reviewed, Long notQualifying, Double proportion, Interval ci95,
            String ci95Reason) {
    }

    /** An alternative place or a reason, pooled over the audits; {@code count} is {@code null} where hidden. */
    public record Ranked(String code, String title, Long count) {
    }

    public record Figures(List<AuditRow> audits, Pooled pooled, List<Ranked> alternatives, List<Ranked> reasons) {
    }

    public static Figures of(List<AuditCounts> audits, Map<String, String> titles, Suppression publication) {
        boolean everyTeam = audits.stream().allMatch(AuditCounts::onTeam);
        Suppression pooledRule = everyTeam ? Suppression.internal() : publication;
        long reviewed = audits.stream().mapToLong(AuditCounts::patientDays).sum();
        long notQualifying = audits.stream().mapToLong(AuditCounts::notQualifying).sum();
        Object[] pooled = pooledRule.split(reviewed, notQualifying);

        int n = audits.size();
        Object[] shownReviewed = new Object[n];
        Object[] shownNo = new Object[n];
        for (int i = 0; i < n; i++) {
            AuditCounts a = audits.get(i);
            Object[] split = (a.onTeam() ? Suppression.internal() : publication).split(a.patientDays(),
                    a.notQualifying());
            shownReviewed[i] = split[0];
            shownNo[i] = split[1];
        }
        if (!everyTeam) {
            pooled[0] = protect(pooled[0], audits, shownReviewed, AuditCounts::patientDays, publication);
            for (int i = 0; i < n; i++) {
                if (Suppression.HIDDEN.equals(shownReviewed[i])) {
                    shownNo[i] = Suppression.HIDDEN;
                }
            }
            if (Suppression.HIDDEN.equals(pooled[0])) {
                pooled[1] = Suppression.HIDDEN;
            }
            pooled[1] = protect(pooled[1], audits, shownNo, AuditCounts::notQualifying, publication);
        }

        List<AuditRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AuditCounts a = audits.get(i);
            Long r = count(shownReviewed[i]);
            Long no = count(shownNo[i]);
            rows.add(new AuditRow(a.id(), a.title(), a.site(), a.status(), a.onTeam() ? "internal" : "publication", r,
                    no, proportion(no, r), interval(no, r), reason(no, r), a.onTeam() ? a.unresolved() : null,
                    a.openedDaysOnly()));
        }
        Long pooledReviewed = count(pooled[0]);
        Long pooledNo = count(pooled[1]);
        Pooled total = new Pooled(everyTeam ? "internal" : "publication", pooledReviewed, pooledNo,
                proportion(pooledNo, pooledReviewed), interval(pooledNo, pooledReviewed),
                reason(pooledNo, pooledReviewed));

        // Each not-qualifying first review has one alternative, so they make up that total; reasons overlap.
        long firstNo = audits.stream().mapToLong(AuditCounts::firstReviewNotQualifying).sum();
        List<Ranked> alternatives = ranked(audits, AuditCounts::alternatives, titles, pooledRule,
                pooledRule.count(firstNo));
        List<Ranked> reasons = ranked(audits, AuditCounts::reasons, titles, pooledRule, null);
        return new Figures(rows, total, alternatives, reasons);
    }

    /**
     * Hides what would give a hidden count back among a total and the published audits' parts of it
     * ({@code shown} changes in place); returns the total as it may be shown.
     */
    private static Object protect(Object total, List<AuditCounts> audits, Object[] shown,
            java.util.function.ToLongFunction<AuditCounts> count, Suppression publication) {
        List<Integer> published = new ArrayList<>();
        for (int i = 0; i < audits.size(); i++) {
            if (!audits.get(i).onTeam()) {
                published.add(i);
            }
        }
        if (Suppression.HIDDEN.equals(total)) {
            published.forEach(i -> shown[i] = Suppression.HIDDEN);
            return total;
        }
        long[] counts = published.stream().mapToLong(i -> count.applyAsLong(audits.get(i))).toArray();
        List<Object> parts = new ArrayList<>(published.stream().map(i -> shown[i]).toList());
        publication.protectParts(total, counts, parts);
        for (int j = 0; j < published.size(); j++) {
            shown[published.get(j)] = parts.get(j);
        }
        // A single hidden part with no other published part to hide beside it: the total goes instead.
        return parts.stream().filter(Suppression.HIDDEN::equals).count() == 1 ? Suppression.HIDDEN : total;
    }

    private static List<Ranked> ranked(List<AuditCounts> audits,
            java.util.function.Function<AuditCounts, Map<String, Long>> counts, Map<String, String> titles,
            Suppression rule, Object total) {
        Map<String, Long> pooled = new TreeMap<>();
        audits.forEach(a -> counts.apply(a).forEach((code, c) -> pooled.merge(code, c, Long::sum)));
        List<String> codes = new ArrayList<>(pooled.keySet());
        codes.sort(Comparator.<String>comparingLong(pooled::get).reversed().thenComparing(Comparator.naturalOrder()));
        List<Object> shown = new ArrayList<>(codes.stream().map(c -> rule.count(pooled.get(c))).toList());
        if (total != null) {
            rule.protectParts(total, codes.stream().mapToLong(pooled::get).toArray(), shown);
        }
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            ranked.add(new Ranked(codes.get(i), titles.getOrDefault(codes.get(i), codes.get(i)), count(shown.get(i))));
        }
        return ranked;
    }

    private static Long count(Object shown) {
        return shown instanceof Long l ? l : shown instanceof Number num ? num.longValue() : null;
    }

    private static Double proportion(Long part, Long whole) {
        return part == null || whole == null || whole == 0 ? null : (double) part / whole;
    }

    private static Interval interval(Long part, Long whole) {
        return part == null || whole == null ? null : Wilson.interval(part, whole);
    }

    private static String reason(Long part, Long whole) {
        if (part == null || whole == null) {
            return HIDDEN_REASON;
        }
        return whole == 0 ? Interval.NO_PATIENT_DAYS : null;
    }
}
