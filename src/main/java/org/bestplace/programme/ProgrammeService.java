package org.bestplace.programme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bestplace.BestplaceConfig;
import org.bestplace.activity.ActivityEvent;
import org.bestplace.activity.ActivityLog;
import org.bestplace.audit.Audit;
import org.bestplace.audit.AuditAccess;
import org.bestplace.audit.Member;
import org.bestplace.audit.MemberRole;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.database.RetryOnConflict;
import org.bestplace.debrief.DailySummary;
import org.bestplace.operations.ServiceClock;
import org.bestplace.results.Suppression;
import org.bestplace.security.User;
import org.bestplace.statistics.FunnelPlot;
import org.bestplace.web.DomainException;

/**
 * Programmes: an administrator groups audits on one criteria set; their leads, the commissioners
 * on any of their audits and administrators read them. Each audit's figures are the headline of its
 * own results page, "as agreed" (the same {@link DailySummary} with the same days the reader's
 * results page uses), shown exactly only to those on that audit's team.
 */
@ApplicationScoped
public class ProgrammeService {

    @Inject
    EntityManager em;

    @Inject
    CriteriaService criteria;

    @Inject
    ServiceClock clock;

    @Inject
    BestplaceConfig config;

    @Inject
    ActivityLog activity;

    /** A programme as the list shows it, with why the reader may read it. */
    public record Listed(String id, String title, String criteriaSet, int audits, String readAs) {
    }

    public record TeamMember(String username, String displayName, String organisation, ProgrammeRole role) {
        static TeamMember of(ProgrammeMember m) {
            return new TeamMember(m.user.username, m.user.displayName, m.user.organisation, m.role);
        }
    }

    /** What {@code GET /api/programmes/{id}} and the programme page show. */
    public record ProgrammeView(String id, String title, String criteriaSet, List<ProgrammeFigures.AuditRow> audits,
            ProgrammeFigures.Pooled pooled, List<ProgrammeFigures.Ranked> alternatives,
            List<ProgrammeFigures.Ranked> reasons, List<TeamMember> members, String rule, String createdBy,
            Instant createdAt) {

        /** True when some audit is shown as published, so the page says the rule. */
        public boolean publication() {
            return audits.stream().anyMatch(ProgrammeFigures.AuditRow::publication);
        }
    }

    @RetryOnConflict
    @Transactional
    public Programme create(String title, List<String> auditIds, User by, boolean admin) {
        requireAdmin(admin, "Only an administrator creates programmes.");
        List<Audit> audits = audits(auditIds);
        Programme programme = new Programme(title, audits, by.username, clock.now());
        programme.persist();
        activity.record(ActivityEvent.AUDIT_SETUP, null, "Created programme " + programme.id + " '" + programme.title
                + "' of audits " + ids(audits));
        return programme;
    }

    /** Gives the programme a new title and audits, checked as {@link #create} checks them; refused, nothing changes. */
    @RetryOnConflict
    @Transactional
    public Programme update(Long id, String title, List<String> auditIds, User by, boolean admin) {
        requireAdmin(admin, "Only an administrator changes a programme.");
        Programme programme = find(id);
        List<Audit> audits = audits(auditIds);
        programme.change(title, audits);
        activity.record(ActivityEvent.AUDIT_SETUP, null, "Changed programme " + programme.id + " to '"
                + programme.title + "' of audits " + ids(audits));
        return programme;
    }

    /** The audits named by these ids, in their order: each a number, listed once, of an audit that exists. */
    private static List<Audit> audits(List<String> auditIds) {
        List<Audit> audits = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (String given : auditIds == null ? List.<String>of() : auditIds) {
            if (given == null || given.isBlank()) {
                throw DomainException.invalid("auditIds", "An audit id in the list is empty.");
            }
            long id;
            try {
                id = Long.parseLong(given.strip());
            } catch (NumberFormatException e) {
                throw DomainException.invalid("auditIds", "'" + given.strip() + "' is not an audit id.");
            }
            if (!seen.add(id)) {
                throw DomainException.invalid("auditIds", "Audit " + id + " is listed twice.");
            }
            Audit audit = Audit.findById(id);
            if (audit == null) {
                throw DomainException.invalid("auditIds", "There is no audit " + id + ".");
            }
            audits.add(audit);
        }
        return audits;
    }

    private static List<Long> ids(List<Audit> audits) {
        return audits.stream().map(a -> a.id).toList();
    }

    /** Every programme for an administrator; otherwise those the user leads or is a commissioner on an audit of. */
    @Transactional
    public List<Listed> readable(User user, boolean admin) {
        List<Programme> programmes = admin ? Programme.all() : Programme.list("select distinct p from Programme p"
                + " join p.audits a where exists (select pm from ProgrammeMember pm where pm.programme = p and"
                + " pm.user = ?1) or exists (select m from Member m where m.audit = a and m.user = ?1 and m.role = ?2)"
                + " order by p.id", user, MemberRole.COMMISSIONER);
        return programmes.stream().map(p -> new Listed(String.valueOf(p.id), p.title, p.criteriaSetId(),
                p.audits.size(), readAs(p, user, admin))).toList();
    }

    private static String readAs(Programme p, User user, boolean admin) {
        if (admin) {
            return "administrator";
        }
        return ProgrammeMember.ofUserIn(p, user).isEmpty() ? "commissioner on an audit" : "programme lead";
    }

    /** The programme, for those who read it: its leads, commissioners on any of its audits, administrators. */
    Programme readable(Long id, User user, boolean admin) {
        Programme programme = find(id);
        if (!mayRead(programme, user, admin)) {
            throw DomainException.forbidden("A programme is read by its leads, the commissioners on its audits and"
                    + " administrators.");
        }
        return programme;
    }

    private static boolean mayRead(Programme programme, User user, boolean admin) {
        return admin || !ProgrammeMember.ofUserIn(programme, user).isEmpty() || Member.count(
                "user = ?1 and role = ?2 and audit in ?3", user, MemberRole.COMMISSIONER, programme.audits) > 0;
    }

    /** The programmes holding the audit that the user reads, in the order they were made. */
    @Transactional
    public List<Programme> holdingReadable(Audit audit, User user, boolean admin) {
        return Programme.holding(audit).stream().filter(p -> mayRead(p, user, admin)).toList();
    }

    private static Programme find(Long id) {
        Programme programme = id == null ? null : Programme.findById(id);
        if (programme == null) {
            throw DomainException.notFound("There is no programme " + id + ".");
        }
        return programme;
    }

    /**
     * The programme as its reader may see it, and its funnel plot across audits: each audit whose
     * patient-days and not-qualifying count the reader is shown, at those counts; {@code leftOff}
     * names the audits that cannot be drawn (a count not published, or no patient-days yet).
     */
    public record Reading(ProgrammeView view, FunnelPlot.Chart funnel, List<String> leftOff) {
    }

    /** What the programme page, {@code GET /api/programmes/{id}} and its funnel show. */
    @Transactional
    public Reading reading(Long id, User user, boolean admin) {
        Programme programme = readable(id, user, admin);
        ProgrammeFigures.Figures figures = figures(programme, user, admin);
        Suppression publication = Suppression.publication(config.publicationThreshold());
        ProgrammeView view = new ProgrammeView(String.valueOf(programme.id), programme.title,
                programme.criteriaSetId(), figures.audits(), figures.pooled(), figures.alternatives(),
                figures.reasons(), ProgrammeMember.ofProgramme(programme).stream().map(TeamMember::of).toList(),
                publication.rule(), programme.createdBy, programme.createdAt);
        List<FunnelPlot.Group> groups = new ArrayList<>();
        List<String> leftOff = new ArrayList<>();
        for (ProgrammeFigures.AuditRow row : figures.audits()) {
            if (row.reviewed() == null || row.notQualifying() == null || row.reviewed() == 0) {
                leftOff.add(row.title());
            } else {
                groups.add(new FunnelPlot.Group(row.title(), row.reviewed(), row.notQualifying()));
            }
        }
        return new Reading(view, FunnelPlot.of(groups), leftOff);
    }

    @Transactional
    public ProgrammeView view(Long id, User user, boolean admin) {
        return reading(id, user, admin).view();
    }

    /** Each audit's headline as the reader's own results page of it would give it, then pooled. */
    ProgrammeFigures.Figures figures(Programme programme, User user, boolean admin) {
        Set<Long> teams = new HashSet<>();
        if (!admin) {
            Member.<Member>list("user = ?1 and audit in ?2", user, programme.audits).forEach(m -> teams.add(m.audit.id));
        }
        Map<String, String> titles = new TreeMap<>();
        List<ProgrammeFigures.AuditCounts> counts = new ArrayList<>();
        for (Audit audit : programme.audits) {
            boolean onTeam = admin || teams.contains(audit.id);
            // A reviewer's figures leave out days not yet debriefed, as on their results page (see AuditAccess).
            boolean openedOnly = onTeam && AuditAccess.of(audit.id, user, admin).seesOnlyOpenedDays();
            DailySummary summary = DailySummary.compute(em, audit.id, null, openedOnly);
            CriteriaFile file = criteria.definition(audit.criteriaSet);
            file.alternatives().forEach(a -> titles.putIfAbsent(a.code(), a.title()));
            file.reasons().forEach(r -> titles.putIfAbsent(r.code(), r.title()));
            DailySummary.Agreed agreed = summary.asAgreed();
            counts.add(new ProgrammeFigures.AuditCounts(String.valueOf(audit.id), audit.title, audit.site,
                    audit.status.name(), onTeam, openedOnly, agreed.reviewed(), agreed.notQualifying(),
                    agreed.unresolved(), summary.notQualifying(), byCode(summary.alternatives()),
                    byCode(summary.reasons())));
        }
        return ProgrammeFigures.of(counts, titles, Suppression.publication(config.publicationThreshold()));
    }

    private static Map<String, Long> byCode(List<DailySummary.Count> counts) {
        Map<String, Long> map = new LinkedHashMap<>();
        counts.forEach(c -> map.put(c.code(), c.count()));
        return map;
    }

    /** Makes the user a member of the programme in this role (a lead when none is named); again, nothing changes. */
    @RetryOnConflict
    @Transactional
    public ProgrammeMember putMember(Long id, String username, String role, User by, boolean admin) {
        requireAdmin(admin, "Only an administrator changes a programme's team.");
        Programme programme = find(id);
        ProgrammeRole chosen;
        try {
            chosen = role == null || role.isBlank() ? ProgrammeRole.LEAD
                    : ProgrammeRole.valueOf(role.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("role", "A programme's team has one role, LEAD; '" + role.strip()
                    + "' is not it.");
        }
        User user = User.byUsername(username == null ? "" : username.strip())
                .orElseThrow(() -> DomainException.notFound("username", "There is no user '" + username + "'."));
        if (user.id.equals(by.id)) {
            throw DomainException.forbidden("Nobody changes their own roles; ask another administrator.");
        }
        for (ProgrammeMember held : ProgrammeMember.ofUserIn(programme, user)) {
            if (held.role == chosen) {
                return held;
            }
        }
        ProgrammeMember member = new ProgrammeMember(programme, user, chosen, by.username, clock.now());
        member.persist();
        activity.record(ActivityEvent.ROLE_CHANGE, null, user.username + " joined programme " + programme.id
                + " as " + chosen);
        return member;
    }

    /** Takes the user off the programme's team. */
    @Transactional
    public void removeMember(Long id, String username, User by, boolean admin) {
        requireAdmin(admin, "Only an administrator changes a programme's team.");
        Programme programme = find(id);
        List<ProgrammeMember> held = User.byUsername(username == null ? "" : username.strip())
                .map(u -> ProgrammeMember.ofUserIn(programme, u)).orElse(List.of());
        if (held.isEmpty()) {
            throw DomainException.notFound("member", "'" + username + "' is not on this programme's team.");
        }
        if (held.get(0).user.id.equals(by.id)) {
            throw DomainException.forbidden("Nobody takes themselves off a team; ask another administrator.");
        }
        held.forEach(ProgrammeMember::delete);
        activity.record(ActivityEvent.ROLE_CHANGE, null, username + " left programme " + programme.id);
    }

    /** The audits an administrator may put in a programme, for the form. */
    @Transactional
    public List<Audit> auditsToChoose() {
        return Audit.list("order by criteriaSet.setId, id");
    }

    /** People who can sign in, for the form that adds a programme lead. */
    @Transactional
    public List<User> usersToChoose() {
        return User.list("deactivatedAt is null order by displayName, username");
    }

    private static void requireAdmin(boolean admin, String why) {
        if (!admin) {
            throw DomainException.forbidden(why);
        }
    }
}
