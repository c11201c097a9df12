package org.bestplace.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bestplace.audit.AuditAccess;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.database.Sql;
import org.bestplace.debrief.DailySummary;
import org.bestplace.debrief.DebriefService;
import org.bestplace.security.User;
import org.bestplace.statistics.Interval;
import org.bestplace.statistics.Newcombe;
import org.bestplace.web.DomainException;

/**
 * Two audits side by side (before/after, ward A/ward B): the proportion not qualifying in each,
 * as agreed after the debriefs, and their difference with Newcombe's hybrid score interval; the
 * same by ward, by alternative place and by reason for delay.
 */
@ApplicationScoped
public class Comparisons {

    @Inject
    DebriefService debriefs;

    @Inject
    EntityManager em;

    @Inject
    CriteriaService criteria;

    /** One audit's side: settled patient-days, how many did not qualify, and those still unresolved. */
    public record Side(String auditId, long reviewed, long notQualifying, Double proportion, Interval ci95,
            long unresolved) {
    }

    /** One side of a breakdown row: the settled patient-days it is over, how many of them count, and their share. */
    public record Counts(long reviewed, long notQualifying, Double proportion) {
        static Counts of(long reviewed, long notQualifying) {
            return new Counts(reviewed, notQualifying, DailySummary.ratio(notQualifying, reviewed));
        }
    }

    /**
     * A breakdown row: a ward (its settled patient-days and those not qualifying), an alternative place
     * or a reason for delay (not-qualifying patient-days with it, over all settled patient-days, as the
     * brief counts them). {@code difference} is A minus B with its Newcombe interval, absent where
     * either side has no patient-days.
     */
    public record Row(String key, String title, Counts a, Counts b, Double difference, Interval ci95) {
    }

    public record Comparison(Side a, Side b, double difference, Interval ci95, List<Row> byWard,
            List<Row> byAlternative, List<Row> byReason) {
    }

    @Transactional
    public Comparison compare(String a, String b, User by, boolean admin) {
        long first = id("a", a);
        long second = id("b", b);
        // Who may see each comes first, so an audit the caller is not on answers as if it did not exist.
        AuditAccess accessA = AuditAccess.of(first, by, admin);
        AuditAccess accessB = AuditAccess.of(second, by, admin);
        if (first == second) {
            throw DomainException.invalid("b", "An audit cannot be compared with itself; choose another audit as B.");
        }
        Side sideA = side("a", first, by, admin);
        Side sideB = side("b", second, by, admin);
        Newcombe.Difference difference = Newcombe.difference(sideA.notQualifying(), sideA.reviewed(),
                sideB.notQualifying(), sideB.reviewed());
        Map<String, Map<String, long[]>> countsA = counts(first, accessA.seesOnlyOpenedDays());
        Map<String, Map<String, long[]>> countsB = counts(second, accessB.seesOnlyOpenedDays());
        CriteriaFile setA = criteria.definition(accessA.audit().criteriaSet);
        CriteriaFile setB = criteria.definition(accessB.audit().criteriaSet);

        Map<String, String> wards = new LinkedHashMap<>();
        TreeSet<String> wardKeys = new TreeSet<>(countsA.get("ward").keySet());
        wardKeys.addAll(countsB.get("ward").keySet());
        wardKeys.forEach(w -> wards.put(w, w));
        Map<String, String> places = new LinkedHashMap<>();
        setA.alternatives().forEach(p -> places.putIfAbsent(p.code(), p.title()));
        setB.alternatives().forEach(p -> places.putIfAbsent(p.code(), p.title()));
        Map<String, String> reasons = new LinkedHashMap<>();
        setA.reasons().forEach(r -> reasons.putIfAbsent(r.code(), r.title()));
        setB.reasons().forEach(r -> reasons.putIfAbsent(r.code(), r.title()));
        return new Comparison(sideA, sideB, difference.difference(), difference.ci95(),
                rows(wards, countsA.get("ward"), countsB.get("ward"), null, null),
                rows(places, countsA.get("alternative"), countsB.get("alternative"), sideA, sideB),
                rows(reasons, countsA.get("reason"), countsB.get("reason"), sideA, sideB));
    }

    /**
     * Rows for every key named (then any counted but not named). With {@code overA} and {@code overB}
     * each row is over all of that audit's settled patient-days; without, over the row's own.
     */
    private static List<Row> rows(Map<String, String> named, Map<String, long[]> a, Map<String, long[]> b, Side overA,
            Side overB) {
        Map<String, String> keys = new LinkedHashMap<>(named);
        a.keySet().forEach(k -> keys.putIfAbsent(k, k));
        b.keySet().forEach(k -> keys.putIfAbsent(k, k));
        List<Row> rows = new ArrayList<>();
        keys.forEach((key, title) -> {
            long[] inA = a.getOrDefault(key, new long[2]);
            long[] inB = b.getOrDefault(key, new long[2]);
            Counts ca = Counts.of(overA == null ? inA[0] : overA.reviewed(), inA[1]);
            Counts cb = Counts.of(overB == null ? inB[0] : overB.reviewed(), inB[1]);
            Newcombe.Difference d = ca.reviewed() == 0 || cb.reviewed() == 0 ? null
                    : Newcombe.difference(ca.notQualifying(), ca.reviewed(), cb.notQualifying(), cb.reviewed());
            rows.add(new Row(key, title, ca, cb, d == null ? null : d.difference(), d == null ? null : d.ci95()));
        });
        return rows;
    }

    /** kind ("ward", "alternative", "reason") → key → {settled patient-days, those that count}. */
    private Map<String, Map<String, long[]>> counts(long auditId, boolean openedOnly) {
        String days = openedOnly ? " and f.review_date in (select o.debrief_date from debrief o where o.audit_id = :audit)"
                : "";
        String patientDays = Sql.load("commissioning/patient-days").replace("{days}", days);
        Map<String, Map<String, long[]>> counts = new HashMap<>();
        for (String kind : List.of("ward", "alternative", "reason")) {
            counts.put(kind, new LinkedHashMap<>());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(Sql.load("results/comparison-rows")
                .replace("{patient_days}", patientDays)).setParameter("audit", auditId).getResultList();
        for (Object[] row : rows) {
            String key = row[1] == null ? "none" : (String) row[1];
            counts.get((String) row[0]).put(key, new long[] {((Number) row[2]).longValue(),
                    ((Number) row[3]).longValue()});
        }
        return counts;
    }

    private static long id(String field, String auditId) {
        if (auditId == null || auditId.isBlank()) {
            throw DomainException.invalid(field, "Name the audit to compare as '" + field + "'.");
        }
        try {
            return Long.parseLong(auditId.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, "'" + auditId + "' is not an audit id.");
        }
    }

    private Side side(String field, long id, User by, boolean admin) {
        DailySummary.Agreed agreed = debriefs.summary(id, null, by, admin).asAgreed();
        if (agreed.reviewed() == 0) {
            throw DomainException.invalid(field, "Audit " + id + " has no settled reviews to compare yet.");
        }
        return new Side(String.valueOf(id), agreed.reviewed(), agreed.notQualifying(), agreed.proportion(),
                agreed.ci95(), agreed.unresolved());
    }
}
