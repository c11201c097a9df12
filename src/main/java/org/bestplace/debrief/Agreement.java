package org.bestplace.debrief;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bestplace.database.Sql;
import org.bestplace.statistics.CohenKappa;
import org.bestplace.statistics.FleissKappa;
import org.bestplace.statistics.Interval;

/**
 * Agreement between the two independent reviews of dual-reviewed patient-days (the first two
 * submitted reviews of a case on a day), overall and for each pair of sectors. "Positive" is
 * does not qualify. The overall {@code kappa} is Cohen's, first review against second; for a pair
 * of sectors, Cohen's kappa is of the first-named sector's review against the other's (sectors in
 * alphabetical order, as in {@code sectors}), so it does not depend on who reviewed first.
 * {@code fleissKappa} (Fleiss 1971; Scott's pi for two reviews) pools both reviews' answers and
 * needs no order at all.
 */
public record Agreement(LocalDate date, long pairs, long agreed, Double percentAgreement, Double kappa,
        Interval ci95, Double pabak, List<SectorPair> bySectorPair, String kappaReason, String ci95Reason,
        Double fleissKappa) {

    /** {@code kappaReason} and {@code ci95Reason} say why a figure is null ("not estimable: ..."). */
    public record SectorPair(String sectors, long pairs, long agreed, Double percentAgreement, Double kappa,
            Interval ci95, Double pabak, String kappaReason, String ci95Reason, Double fleissKappa) {
    }

    /**
     * Each patient-day's first submitted review paired with its later submitted one, counted by
     * outcomes and sectors, from the pair cells the database keeps (migration V10), rolled up per
     * audit for the whole audit (V33).
     */
    public static String pairsSql(boolean date) {
        return pairsSql(date, false);
    }

    static String pairsSql(boolean date, boolean openedOnly) {
        return Sql.load("agreement/pairs")
                .replace("{pairs}", DailySummary.cells("pair_cell", "audit_pair_cell", date, openedOnly))
                .replace("{days}", DailySummary.days("p", date, openedOnly));
    }

    public static Agreement compute(EntityManager em, long auditId, LocalDate date) {
        return compute(em, auditId, date, false);
    }

    /** Agreement on every day or (with {@code openedDaysOnly}) on the days whose debrief is open. */
    public static Agreement compute(EntityManager em, long auditId, LocalDate date, boolean openedDaysOnly) {
        var query = DailySummary.bind(em.createNativeQuery(pairsSql(date != null, openedDaysOnly)), auditId, date);
        long[] overall = new long[4];
        Map<String, long[]> bySectors = new TreeMap<>();
        for (Object raw : query.getResultList()) {
            Object[] row = (Object[]) raw;
            long count = DailySummary.number(row[4]);
            String s1 = (String) row[2];
            String s2 = (String) row[3];
            boolean inOrder = s1.compareTo(s2) <= 0;
            String pair = inOrder ? s1 + "/" + s2 : s2 + "/" + s1;
            overall[cell((String) row[0], (String) row[1])] += count;
            // Oriented by sector: the first-named sector's answer is the row, whichever came first.
            int bySector = inOrder ? cell((String) row[0], (String) row[1]) : cell((String) row[1], (String) row[0]);
            bySectors.computeIfAbsent(pair, p -> new long[4])[bySector] += count;
        }
        CohenKappa.Result all = CohenKappa.of(overall[0], overall[1], overall[2], overall[3]);
        List<SectorPair> pairs = new ArrayList<>();
        bySectors.forEach((pair, t) -> {
            CohenKappa.Result r = CohenKappa.of(t[0], t[1], t[2], t[3]);
            pairs.add(new SectorPair(pair, r.pairs(), r.agreed(), r.percentAgreement(), r.kappa(), r.ci95(),
                    r.pabak(), r.kappaReason(), r.ci95Reason(), FleissKappa.twoRaters(t[0], t[1], t[2], t[3])));
        });
        return new Agreement(date, all.pairs(), all.agreed(), all.percentAgreement(), all.kappa(), all.ci95(),
                all.pabak(), pairs, all.kappaReason(), all.ci95Reason(),
                FleissKappa.twoRaters(overall[0], overall[1], overall[2], overall[3]));
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
