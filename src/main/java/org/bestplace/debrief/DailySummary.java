package org.bestplace.debrief;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.bestplace.database.Sql;
import org.bestplace.statistics.Interval;
import org.bestplace.statistics.Wilson;

/**
 * The figures of an audit, for one day or cumulatively, computed in SQL. The unit is a
 * patient-day: each case reviewed on a day counts once, "as reviewed" by its first submitted
 * review, and "as agreed" by the debrief decision or, without one, by reviews that agree.
 */
public record DailySummary(
        LocalDate date,
        long reviewed,
        long qualifying,
        long notQualifying,
        Double proportionNotQualifying,
        Interval ci95,
        String ci95Reason,
        List<Row> byWard,
        List<Row> bySpecialty,
        List<Row> bySector,
        List<Row> byStayBand,
        List<Row> byAgeBand,
        List<Count> alternatives,
        List<Count> reasons,
        long reviews,
        long overrides,
        Double overrideRate,
        Agreed asAgreed,
        boolean openedDaysOnly) {

    /** A breakdown row: patient-days reviewed, how many did not qualify, and the proportion. */
    public record Row(String key, long reviewed, long notQualifying, Double proportion, Interval ci95,
            String ci95Reason) {
        static Row of(String key, long reviewed, long notQualifying) {
            return new Row(key, reviewed, notQualifying, ratio(notQualifying, reviewed),
                    Wilson.interval(notQualifying, reviewed), reason(reviewed));
        }
    }

    public record Count(String code, long count) {
    }

    /** Figures after the debrief: {@code unresolved} patient-days have disagreeing reviews and no decision yet. */
    public record Agreed(long reviewed, long notQualifying, Double proportion, Interval ci95, long unresolved,
            long decided, String ci95Reason) {
    }

    /**
     * Stay bands in order of length. The database defines the bands (the review's {@code stay_band},
     * migration V20); each label starts with its shortest stay, so the order needs no list of them.
     */
    public static final Comparator<String> BY_LENGTH_OF_STAY = Comparator.comparingInt(
            band -> Integer.parseInt(band.replaceAll("\\D.*", "")));

    /**
     * The breakdowns from the rolled-up summary cells the database keeps as reviews are written
     * (migration V33): per dimension and label, patient-days reviewed and not qualifying, read
     * without touching the reviews or the fine cells. Parameters {@code :audit} and, for a day,
     * {@code :date}.
     */
    public static String marginsSql(boolean date) {
        return marginsSql(date, false);
    }

    /**
     * Which days a query reads: one day, every day, or (for a reviewer while blind review
     * matters) only the days whose debrief is open. {@code alias} names the table with a
     * {@code review_date}.
     */
    static String days(String alias, boolean date, boolean openedOnly) {
        return (date ? " and " + alias + ".review_date = :date" : "")
                + (openedOnly ? " and " + alias + ".review_date in (select o.debrief_date from debrief o"
                        + " where o.audit_id = :audit)" : "");
    }

    /**
     * The cells a query reads: those rolled up over the whole audit when it reads every day, or
     * those of each day ({@code perDay}) when it reads one day or the opened days.
     */
    static String cells(String perDay, String wholeAudit, boolean date, boolean openedOnly) {
        return date || openedOnly ? perDay : wholeAudit;
    }

    static String marginsSql(boolean date, boolean openedOnly) {
        return Sql.load("summary/margins")
                .replace("{margins}", cells("summary_margin", "audit_summary_margin", date, openedOnly))
                .replace("{days}", days("m", date, openedOnly));
    }

    /**
     * Alternatives and reasons of the first reviews that found the patient did not qualify, from
     * the place cells the database keeps (migrations V8, V33).
     */
    public static String placesAndReasonsSql(boolean date) {
        return placesAndReasonsSql(date, false);
    }

    static String placesAndReasonsSql(boolean date, boolean openedOnly) {
        return Sql.load("summary/places-and-reasons")
                .replace("{places}", cells("place_cell", "audit_place_cell", date, openedOnly))
                .replace("{days}", days("p", date, openedOnly));
    }

    /** Submitted reviews and how many were overridden, from the rolled-up summary cells. */
    public static String overrideSql(boolean date) {
        return overrideSql(date, false);
    }

    static String overrideSql(boolean date, boolean openedOnly) {
        return Sql.load("summary/overrides")
                .replace("{margins}", cells("summary_margin", "audit_summary_margin", date, openedOnly))
                .replace("{days}", days("m", date, openedOnly));
    }

    /**
     * What moves "as agreed" away from "as reviewed", by the first review's outcome: pairs whose
     * reviews disagree (from the pair cells), and the chair's decisions with how many of them
     * settle such a disagreement. Disagreements less decided ones are the unresolved patient-days.
     */
    public static String agreedSql(boolean date) {
        return agreedSql(date, false);
    }

    /**
     * Decisions are only ever made on an open day, so only the pairs need the opened-days filter;
     * every day's decisions are read from the decision cells the database keeps (migration V33).
     */
    static String agreedSql(boolean date, boolean openedOnly) {
        return Sql.load("summary/agreed").replace("{pairs}", cells("pair_cell", "audit_pair_cell", date, openedOnly))
                .replace("{pair_days}", days("p", date, openedOnly))
                .replace("{decided}", Sql.load(date ? "summary/decided-on-day" : "summary/decided-rolled-up").strip());
    }

    public static DailySummary compute(EntityManager em, long auditId, LocalDate date) {
        return compute(em, auditId, date, false);
    }

    /** The figures, of every day or (with {@code openedDaysOnly}) of the days whose debrief is open. */
    public static DailySummary compute(EntityManager em, long auditId, LocalDate date, boolean openedDaysOnly) {
        Map<String, long[]> ward = new TreeMap<>();
        Map<String, long[]> specialty = new TreeMap<>();
        Map<String, long[]> sector = new TreeMap<>();
        Map<String, long[]> age = new TreeMap<>();
        Map<String, long[]> stay = new TreeMap<>(BY_LENGTH_OF_STAY);
        long reviewed = 0;
        long notQualifying = 0;
        Map<String, Map<String, long[]>> margins = Map.of("ward", ward, "specialty", specialty, "sector", sector,
                "age_band", age, "stay_band", stay);
        for (Object raw : bind(em.createNativeQuery(marginsSql(date != null, openedDaysOnly)), auditId, date)
                .getResultList()) {
            Object[] row = (Object[]) raw;
            long count = number(row[2]);
            long nq = number(row[3]);
            // Every patient-day is under one ward, so the ward margin sums to the totals.
            if ("ward".equals(row[0])) {
                reviewed += count;
                notQualifying += nq;
            }
            add(margins.get((String) row[0]), (String) row[1], count, nq);
        }
        List<Count> alternatives = new ArrayList<>();
        List<Count> reasons = new ArrayList<>();
        for (Object raw : bind(em.createNativeQuery(placesAndReasonsSql(date != null, openedDaysOnly)), auditId, date)
                .getResultList()) {
            Object[] row = (Object[]) raw;
            Count count = new Count((String) row[1], number(row[2]));
            ("alternative".equals(row[0]) ? alternatives : reasons).add(count);
        }
        Comparator<Count> ranked = Comparator.comparingLong(Count::count).reversed().thenComparing(Count::code);
        alternatives.sort(ranked);
        reasons.sort(ranked);
        Object[] overrides = (Object[]) bind(em.createNativeQuery(overrideSql(date != null, openedDaysOnly)), auditId, date)
                .getSingleResult();
        long reviews = number(overrides[0]);
        long overridden = number(overrides[1]);
        return new DailySummary(date, reviewed, reviewed - notQualifying, notQualifying,
                ratio(notQualifying, reviewed), Wilson.interval(notQualifying, reviewed), reason(reviewed), rows(ward),
                rows(specialty), rows(sector), rows(stay), rows(age), alternatives, reasons, reviews, overridden,
                ratio(overridden, reviews), agreed(em, auditId, date, openedDaysOnly, reviewed, notQualifying),
                openedDaysOnly);
    }

    private static Agreed agreed(EntityManager em, long auditId, LocalDate date, boolean openedDaysOnly,
            long reviewed, long notQualifying) {
        long unresolved = 0;
        long decided = 0;
        long agreedNotQualifying = notQualifying;
        for (Object raw : bind(em.createNativeQuery(agreedSql(date != null, openedDaysOnly)), auditId, date).getResultList()) {
            Object[] row = (Object[]) raw;
            boolean firstSaidNo = "DOES_NOT_QUALIFY".equals(row[1]);
            long count = number(row[3]);
            if ("disagreeing".equals(row[0])) {
                unresolved += count;
            } else {
                decided += count;
                // A decided disagreement is no longer unresolved.
                unresolved -= number(row[4]);
                if ("DOES_NOT_QUALIFY".equals(row[2])) {
                    agreedNotQualifying += count;
                }
            }
            if (firstSaidNo) {
                agreedNotQualifying += "disagreeing".equals(row[0]) ? -count : number(row[4]) - count;
            }
        }
        long settled = reviewed - unresolved;
        return new Agreed(settled, agreedNotQualifying, ratio(agreedNotQualifying, settled),
                Wilson.interval(agreedNotQualifying, settled), unresolved, decided, reason(settled));
    }

    private static void add(Map<String, long[]> margin, String key, long count, long notQualifying) {
        long[] totals = margin.computeIfAbsent(key == null ? "unknown" : key, k -> new long[2]);
        totals[0] += count;
        totals[1] += notQualifying;
    }

    private static List<Row> rows(Map<String, long[]> margin) {
        Function<Map.Entry<String, long[]>, Row> toRow = e -> Row.of(e.getKey(), e.getValue()[0], e.getValue()[1]);
        return margin.entrySet().stream().map(toRow).toList();
    }

    static Query bind(Query query, long auditId, LocalDate date) {
        query.setParameter("audit", auditId);
        if (date != null) {
            query.setParameter("date", date);
        }
        return query;
    }

    /** A proportion, or null for 0 of 0: there is no proportion of nothing. */
    public static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** Why a proportion over {@code whole} has no interval, or null when it has one. */
    public static String reason(long whole) {
        return whole == 0 ? Interval.NO_PATIENT_DAYS : null;
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
