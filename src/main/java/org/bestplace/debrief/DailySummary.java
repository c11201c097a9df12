package org.bestplace.debrief;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        double proportionNotQualifying,
        Interval ci95,
        List<Row> byWard,
        List<Row> bySpecialty,
        List<Row> bySector,
        List<Row> byStayBand,
        List<Row> byAgeBand,
        List<Count> alternatives,
        List<Count> reasons,
        long reviews,
        long overrides,
        double overrideRate,
        Agreed asAgreed) {

    /** A breakdown row: patient-days reviewed, how many did not qualify, and the proportion. */
    public record Row(String key, long reviewed, long notQualifying, double proportion, Interval ci95) {
        static Row of(String key, long reviewed, long notQualifying) {
            return new Row(key, reviewed, notQualifying, ratio(notQualifying, reviewed),
                    Wilson.interval(notQualifying, reviewed));
        }
    }

    public record Count(String code, long count) {
    }

    /** Figures after the debrief: {@code unresolved} patient-days have disagreeing reviews and no decision yet. */
    public record Agreed(long reviewed, long notQualifying, double proportion, Interval ci95, long unresolved,
            long decided) {
    }

    /** NHS long-stay thresholds: 7, 14 and 21 days. */
    public static final List<String> STAY_BANDS = List.of("0-6", "7-13", "14-20", "21+");

    static final String DAY_FILTER = " and r.review_date = :date";

    /** The breakdowns of first reviews, one SQL statement; {@code :audit} and, for a day, {@code :date}. */
    public static String breakdownSql(boolean date) {
        return """
                with ranked as (
                  select r.id, r.case_id, r.review_date, r.outcome, r.reviewer_sector, r.alternative,
                         row_number() over (partition by r.case_id, r.review_date order by r.submitted_at, r.id) as rn
                  from review r
                  where r.audit_id = :audit and r.submitted = true %s
                ), first_review as (
                  select p.id, p.outcome, p.reviewer_sector, p.alternative, c.ward, c.specialty, c.age_band,
                         datediff(p.review_date, c.admission_date) as stay
                  from ranked p join patient_case c on c.id = p.case_id
                  where p.rn = 1
                )
                select 'total' as dimension, 'all' as item, count(*) as reviewed,
                       coalesce(sum(outcome = 'DOES_NOT_QUALIFY'), 0) as not_qualifying from first_review
                union all select 'ward', ward, count(*), sum(outcome = 'DOES_NOT_QUALIFY') from first_review group by ward
                union all select 'specialty', specialty, count(*), sum(outcome = 'DOES_NOT_QUALIFY')
                  from first_review group by specialty
                union all select 'sector', reviewer_sector, count(*), sum(outcome = 'DOES_NOT_QUALIFY')
                  from first_review group by reviewer_sector
                union all select 'stay', case when stay <= 6 then '0-6' when stay <= 13 then '7-13'
                                              when stay <= 20 then '14-20' else '21+' end as band,
                  count(*), sum(outcome = 'DOES_NOT_QUALIFY') from first_review group by band
                union all select 'age', age_band, count(*), sum(outcome = 'DOES_NOT_QUALIFY')
                  from first_review group by age_band
                union all select 'alternative', alternative, count(*), count(*)
                  from first_review where outcome = 'DOES_NOT_QUALIFY' group by alternative
                union all select 'reason', rr.code, count(*), count(*)
                  from first_review f join review_reason rr on rr.review_id = f.id
                  where f.outcome = 'DOES_NOT_QUALIFY' group by rr.code
                """.formatted(date ? DAY_FILTER : "");
    }

    /** Submitted reviews and how many were overridden. */
    public static String overrideSql(boolean date) {
        return """
                select count(*), coalesce(sum(r.override_outcome is not null), 0) from review r
                where r.audit_id = :audit and r.submitted = true %s""".formatted(date ? DAY_FILTER : "");
    }

    public static DailySummary compute(EntityManager em, long auditId, LocalDate date) {
        String sql = breakdownSql(date != null);
        var query = bind(em.createNativeQuery(sql), auditId, date);
        long reviewed = 0;
        long notQualifying = 0;
        Map<String, List<Row>> rows = new TreeMap<>();
        List<Count> alternatives = new ArrayList<>();
        List<Count> reasons = new ArrayList<>();
        for (Object raw : query.getResultList()) {
            Object[] row = (Object[]) raw;
            String dimension = (String) row[0];
            String item = (String) row[1];
            long count = number(row[2]);
            long nq = number(row[3]);
            switch (dimension) {
                case "total" -> {
                    reviewed = count;
                    notQualifying = nq;
                }
                case "alternative" -> alternatives.add(new Count(item, count));
                case "reason" -> reasons.add(new Count(item, count));
                default -> rows.computeIfAbsent(dimension, d -> new ArrayList<>()).add(Row.of(item, count, nq));
            }
        }
        Comparator<Count> ranked = Comparator.comparingLong(Count::count).reversed().thenComparing(Count::code);
        alternatives.sort(ranked);
        reasons.sort(ranked);
        List<Row> stay = new ArrayList<>(rows.getOrDefault("stay", List.of()));
        stay.sort(Comparator.comparingInt(r -> STAY_BANDS.indexOf(r.key())));

        Object[] overrides = (Object[]) bind(em.createNativeQuery(overrideSql(date != null)), auditId, date)
                .getSingleResult();
        long reviews = number(overrides[0]);
        long overridden = number(overrides[1]);

        return new DailySummary(date, reviewed, reviewed - notQualifying, notQualifying,
                ratio(notQualifying, reviewed), Wilson.interval(notQualifying, reviewed),
                sorted(rows.get("ward")), sorted(rows.get("specialty")), sorted(rows.get("sector")), stay,
                sorted(rows.get("age")), alternatives, reasons, reviews, overridden, ratio(overridden, reviews),
                agreed(em, auditId, date));
    }

    /** Patient-days settled by a decision or by agreeing reviews, and those still unresolved. */
    public static String agreedSql(boolean date) {
        return """
                with per_day as (
                  select r.case_id, r.review_date, min(r.outcome) as low, max(r.outcome) as high
                  from review r
                  where r.audit_id = :audit and r.submitted = true %s
                  group by r.case_id, r.review_date
                ), settled as (
                  select coalesce(d.outcome, case when p.low = p.high then p.low end) as outcome,
                         d.id is not null as decided
                  from per_day p
                  left join debrief db on db.audit_id = :audit and db.debrief_date = p.review_date
                  left join decision d on d.debrief_id = db.id and d.case_id = p.case_id
                )
                select count(outcome), coalesce(sum(outcome = 'DOES_NOT_QUALIFY'), 0),
                       coalesce(sum(outcome is null), 0), coalesce(sum(decided), 0)
                from settled""".formatted(date ? DAY_FILTER : "");
    }

    private static Agreed agreed(EntityManager em, long auditId, LocalDate date) {
        var query = bind(em.createNativeQuery(agreedSql(date != null)), auditId, date);
        Object[] row = (Object[]) query.getSingleResult();
        long reviewed = number(row[0]);
        long notQualifying = number(row[1]);
        return new Agreed(reviewed, notQualifying, ratio(notQualifying, reviewed),
                Wilson.interval(notQualifying, reviewed), number(row[2]), number(row[3]));
    }

    static jakarta.persistence.Query bind(jakarta.persistence.Query query, long auditId, LocalDate date) {
        query.setParameter("audit", auditId);
        if (date != null) {
            query.setParameter("date", date);
        }
        return query;
    }

    private static List<Row> sorted(List<Row> rows) {
        if (rows == null) {
            return List.of();
        }
        List<Row> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Row::key));
        return copy;
    }

    static double ratio(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
