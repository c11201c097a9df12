package org.bestplace.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditAccess;
import org.bestplace.audit.Member;
import org.bestplace.audit.MemberRole;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.database.Sql;
import org.bestplace.debrief.Agreement;
import org.bestplace.debrief.DailySummary;
import org.bestplace.security.Sector;
import org.bestplace.security.User;
import org.bestplace.statistics.Interval;
import org.bestplace.statistics.Wilson;
import org.bestplace.training.TrainingService;

/** Everything an audit found, for the results page, the exports and the MeasureReport. */
@ApplicationScoped
public class ResultsService {

    @Inject
    EntityManager em;

    @Inject
    CriteriaService criteria;

    @Inject
    TrainingService training;

    /** One audit day "as reviewed", and whether its debrief has been opened and signed off. */
    public record DayRow(LocalDate date, long reviewed, long notQualifying, Double proportion, Interval ci95,
            boolean debriefOpened, boolean signedOff) {
    }

    public record TeamMember(String name, String organisation, Sector sector, MemberRole role) {
    }

    /**
     * {@code training} is the team's agreement with the training references (current round),
     * reported beside the agreement between reviewers.
     */
    public record Results(AuditAccess access, Audit audit, DailySummary summary, Agreement agreement,
            List<DayRow> days, List<TeamMember> team, CriteriaFile criteria, TrainingService.TeamAgreement training) {

        /** Titles of alternative places and reasons by code, for labels in pages and exports. */
        public Map<String, String> titles() {
            Map<String, String> titles = new TreeMap<>();
            criteria.alternatives().forEach(a -> titles.put(a.code(), a.title()));
            criteria.reasons().forEach(r -> titles.put(r.code(), r.title()));
            return titles;
        }
    }

    /** The results of an audit, for any member of its team. */
    @Transactional
    public Results results(Long auditId, User by, boolean admin) {
        AuditAccess access = AuditAccess.of(auditId, by, admin);
        Audit audit = access.audit();
        List<TeamMember> team = Member.ofAudit(audit).stream()
                .map(m -> new TeamMember(m.user.displayName, m.user.organisation, m.sector, m.role))
                .sorted(Comparator.comparing(TeamMember::sector).thenComparing(TeamMember::role)
                        .thenComparing(TeamMember::name))
                .toList();
        // A reviewer's results leave out the days whose debrief has not opened (see AuditAccess).
        boolean openedOnly = access.seesOnlyOpenedDays();
        List<DayRow> days = days(audit.id).stream().filter(d -> !openedOnly || d.debriefOpened()).toList();
        return new Results(access, audit, DailySummary.compute(em, audit.id, null, openedOnly),
                Agreement.compute(em, audit.id, null, openedOnly), days, team, criteria.definition(audit.criteriaSet),
                training.teamAgreement(audit));
    }

    /** Every day with reviews or a debrief, in date order (the SPC chart reads it too). */
    List<DayRow> days(long auditId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(Sql.load("results/days")).setParameter("audit", auditId).getResultList();
        Map<LocalDate, DayRow> days = new TreeMap<>();
        for (Object[] row : rows) {
            LocalDate date = row[0] instanceof Date sql ? sql.toLocalDate() : (LocalDate) row[0];
            long reviewed = ((Number) row[1]).longValue();
            long notQualifying = ((Number) row[2]).longValue();
            boolean opened = ((Number) row[3]).intValue() != 0;
            boolean signedOff = ((Number) row[4]).intValue() != 0;
            DayRow earlier = days.get(date);
            if (earlier != null) {
                opened |= earlier.debriefOpened();
                signedOff |= earlier.signedOff();
            }
            days.put(date, new DayRow(date, reviewed, notQualifying,
                    DailySummary.ratio(notQualifying, reviewed), Wilson.interval(notQualifying, reviewed),
                    opened, signedOff));
        }
        return new ArrayList<>(days.values());
    }
}
