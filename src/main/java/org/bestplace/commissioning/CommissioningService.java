package org.bestplace.commissioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditAccess;
import org.bestplace.audit.Member;
import org.bestplace.audit.MemberRole;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.database.Sql;
import org.bestplace.operations.ServiceClock;
import org.bestplace.security.Sector;
import org.bestplace.security.User;
import org.bestplace.web.DomainException;

/** The commissioning brief of an audit and its unit costs, for the page, the PDF and the API alike. */
@ApplicationScoped
public class CommissioningService {

    static final double MAX_BEDS = 100_000;

    @Inject
    EntityManager em;

    @Inject
    CriteriaService criteria;

    @Inject
    ServiceClock clock;

    @Inject
    org.bestplace.results.Reaudits reaudits;

    /** What the reader asked for, checked: the bed base they typed (or none) and the scenario's reasons (or none). */
    public record Question(Double beds, List<String> reasons) {
    }

    /**
     * The brief, for the audit's team and administrators (a reviewer, while the audit collects, sees
     * only the days whose debrief has opened, as on the results page). {@code beds} is the bed base as
     * typed, blank for the audit's own; {@code reasons} the scenario's codes (each may hold several,
     * comma-separated), null for no scenario. Refusals name {@code beds} or {@code reasons}.
     */
    @Transactional
    public CommissioningBrief brief(Long auditId, String beds, List<String> reasons, User by, boolean admin) {
        AuditAccess access = AuditAccess.of(auditId, by, admin);
        Audit audit = access.audit();
        CriteriaFile set = criteria.definition(audit.criteriaSet);
        Question question = question(set, beds, reasons);
        boolean openedOnly = access.seesOnlyOpenedDays();
        CommissioningBrief brief = CommissioningBrief.work(counts(audit.id, openedOnly, set), set, question.beds(),
                question.reasons(), UnitCosts.of(audit), openedOnly, paper(audit, set), team(audit));
        // A re-audit's brief shows the change against the audit it repeats, as its results page does.
        return audit.repeats == null ? brief : brief.withRepeats(reaudits.of(audit.id, by, admin));
    }

    static Question question(CriteriaFile set, String beds, List<String> reasons) {
        Double base = null;
        if (beds != null && !beds.isBlank()) {
            try {
                base = Double.valueOf(beds.strip().replace(",", ""));
            } catch (NumberFormatException e) {
                base = Double.NaN;
            }
            if (!(base > 0 && base <= MAX_BEDS)) {
                throw DomainException.invalid("beds", "The bed base is a number of beds above 0 and up to 100,000,"
                        + " such as 540.");
            }
        }
        List<String> scenario = null;
        if (reasons != null) {
            Set<String> codes = new TreeSet<>();
            reasons.stream().filter(r -> r != null).flatMap(r -> Arrays.stream(r.split(","))).map(String::strip)
                    .filter(r -> !r.isEmpty()).forEach(codes::add);
            List<String> unknown = codes.stream().filter(c -> !set.hasReason(c)).toList();
            if (!unknown.isEmpty()) {
                throw DomainException.invalid("reasons", (unknown.size() == 1 ? "There is no reason for delay '"
                        + unknown.get(0) + "'" : "There are no reasons for delay '" + String.join("', '", unknown) + "'")
                        + " in this audit's criteria set.");
            }
            scenario = List.copyOf(codes);
        }
        return new Question(base, scenario);
    }

    /**
     * The settled patient-days counted in one read of the kept case rows (patient-day-counts.sql),
     * by day, agreed outcome, place and reason set: a few dozen rows whatever the audit's size.
     */
    CommissioningBrief.Counts counts(long auditId, boolean openedOnly, CriteriaFile set) {
        String days = openedOnly ? " and k.review_date in (select o.debrief_date from debrief o where o.audit_id = :audit)"
                : "";
        int reasonsLength = Math.max(1, set.reasons().stream().mapToInt(r -> r.code().length() + 1).sum());
        long settled = 0;
        long notQualifying = 0;
        long unresolved = 0;
        Set<Object> auditDays = new HashSet<>();
        Map<String, Long> byAlternative = new HashMap<>();
        Map<Set<String>, Long> byReasons = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(Sql.load("commissioning/patient-day-counts").replace("{days}", days)
                        .replace("{reasons_length}", String.valueOf(reasonsLength)))
                .setParameter("audit", auditId).getResultList();
        for (Object[] row : rows) {
            auditDays.add(row[0]);
            long count = ((Number) row[4]).longValue();
            if ("UNRESOLVED".equals(row[1])) {
                unresolved += count;
            } else {
                settled += count;
                if ("DOES_NOT_QUALIFY".equals(row[1])) {
                    notQualifying += count;
                    byAlternative.merge(row[2] == null ? "" : (String) row[2], count, Long::sum);
                    String codes = (String) row[3];
                    Set<String> reasons = codes == null || codes.isEmpty() ? Set.of() : Set.of(codes.split(","));
                    byReasons.merge(reasons, count, Long::sum);
                }
            }
        }
        return new CommissioningBrief.Counts(settled, notQualifying, unresolved, auditDays.size(), byAlternative,
                byReasons);
    }

    private static CommissioningBrief.Paper paper(Audit audit, CriteriaFile set) {
        return new CommissioningBrief.Paper(audit.id, audit.title, audit.question, audit.site,
                List.copyOf(audit.wards), audit.startDate, audit.endDate, audit.status.name(), audit.timeZone,
                new CommissioningBrief.CriteriaSetRef(audit.criteriaSet.setId, audit.criteriaSet.version, set.title(),
                        audit.criteriaHash));
    }

    private static List<CommissioningBrief.SectorTeam> team(Audit audit) {
        Map<Sector, List<CommissioningBrief.TeamMember>> bySector = new LinkedHashMap<>();
        Member.ofAudit(audit).stream()
                .sorted(Comparator.comparing((Member m) -> m.sector).thenComparing(m -> m.role)
                        .thenComparing(m -> m.user.displayName))
                .forEach(m -> bySector.computeIfAbsent(m.sector, s -> new ArrayList<>())
                        .add(new CommissioningBrief.TeamMember(m.user.displayName, m.user.organisation, m.role.name())));
        return bySector.entrySet().stream().map(e -> new CommissioningBrief.SectorTeam(e.getKey(), e.getValue()))
                .toList();
    }

    /** The audit's unit costs, replaced as a whole; the lead's or a commissioner's to enter, at any stage of the audit. */
    @Transactional
    public UnitCosts setUnitCosts(Long auditId, UnitCosts.Entry entry, User by, boolean admin) {
        Audit audit = AuditAccess.of(auditId, by, admin).require(MemberRole.LEAD, MemberRole.COMMISSIONER).audit();
        UnitCosts.Entry checked = entry.checked(criteria.definition(audit.criteriaSet));
        return UnitCosts.set(audit, checked, by.username, clock.now());
    }
}
