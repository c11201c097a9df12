package org.bestplace.debrief;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Agreement between the two independent reviews of dual-reviewed patient-days (the first two
 * submitted reviews of a case on a day), overall and for each pair of sectors. "Positive" is
 * does not qualify.
 */
public record Agreement(LocalDate date, long pairs, long agreed, Double percentAgreement, Double kappa,
        Interval ci95, Double pabak, List<SectorPair> bySectorPair) {

    public record SectorPair(String sectors, long pairs, long agreed, Double percentAgreement, Double kappa,
            Interval ci95, Double pabak) {
    }

    /** The first two submitted reviews of each patient-day, counted by outcomes and sectors. */
    public static String pairsSql(boolean date) {
        return """
                with ranked as (
                  select r.case_id, r.review_date, r.outcome, r.reviewer_sector,
                         row_number() over (partition by r.case_id, r.review_date order by r.submitted_at, r.id) as rn
                  from review r
                  where r.audit_id = :audit and r.submitted = true %s
                )
                select first.outcome, second.outcome, first.reviewer_sector, second.reviewer_sector, count(*)
                from ranked first
                join ranked second on second.case_id = first.case_id and second.review_date = first.review_date
                                  and second.rn = 2
                where first.rn = 1
                group by first.outcome, second.outcome, first.reviewer_sector, second.reviewer_sector
                """.formatted(date ? DailySummary.DAY_FILTER : "");
    }

    public static Agreement compute(EntityManager em, long auditId, LocalDate date) {
        var query = DailySummary.bind(em.createNativeQuery(pairsSql(date != null)), auditId, date);
        long[] overall = new long[4];
        Map<String, long[]> bySectors = new TreeMap<>();
        for (Object raw : query.getResultList()) {
            Object[] row = (Object[]) raw;
            int cell = cell((String) row[0], (String) row[1]);
            long count = DailySummary.number(row[4]);
            String s1 = (String) row[2];
            String s2 = (String) row[3];
            String pair = s1.compareTo(s2) <= 0 ? s1 + "/" + s2 : s2 + "/" + s1;
            overall[cell] += count;
            bySectors.computeIfAbsent(pair, p -> new long[4])[cell] += count;
        }
        CohenKappa.Result all = CohenKappa.of(overall[0], overall[1], overall[2], overall[3]);
        List<SectorPair> pairs = new ArrayList<>();
        bySectors.forEach((pair, t) -> {
            CohenKappa.Result r = CohenKappa.of(t[0], t[1], t[2], t[3]);
            pairs.add(new SectorPair(pair, r.pairs(), r.agreed(), r.percentAgreement(), r.kappa(), r.ci95(),
                    r.pabak()));
        });
        return new Agreement(date, all.pairs(), all.agreed(), all.percentAgreement(), all.kappa(), all.ci95(),
                all.pabak(), pairs);
    }

    /** Index into a, b, c, d of the 2×2 table, with "does not qualify" as the positive rating. */
    private static int cell(String first, String second) {
        boolean firstYes = "DOES_NOT_QUALIFY".equals(first);
        boolean secondYes = "DOES_NOT_QUALIFY".equals(second);
        if (firstYes) {
            return secondYes ? 0 : 1;
        }
        return secondYes ? 2 : 3;
    }
}
