package org.bestplace.audit;

import org.bestplace.activity.ActivityEvent;
import org.bestplace.activity.ActivityLog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bestplace.BestplaceConfig;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.criteria.CriteriaSet;
import org.bestplace.database.RetryOnConflict;
import org.bestplace.operations.ServiceClock;
import org.bestplace.security.NewUser;
import org.bestplace.security.Role;
import org.bestplace.security.Sector;
import org.bestplace.security.User;
import org.bestplace.security.UserService;
import org.bestplace.web.DomainException;

/** Sets up audits and their teams and moves them through their lifecycle. */
@ApplicationScoped
public class AuditService {

    @Inject
    CriteriaService criteria;

    @Inject
    ActivityLog activity;

    @Inject
    ServiceClock clock;

    @Inject
    BestplaceConfig config;

    /** {@code repeats} is the id of the earlier audit this one repeats, blank or null for none. */
    public record Setup(String title, String question, String site, List<String> wards, LocalDate startDate,
            LocalDate endDate, String criteriaSetId, String criteriaSetVersion, BigDecimal dualReviewRate,
            String timeZone, List<String> specialties, String repeats) {

        public Setup(String title, String question, String site, List<String> wards, LocalDate startDate,
                LocalDate endDate, String criteriaSetId, String criteriaSetVersion, BigDecimal dualReviewRate,
                String timeZone, List<String> specialties) {
            this(title, question, site, wards, startDate, endDate, criteriaSetId, criteriaSetVersion, dualReviewRate,
                    timeZone, specialties, null);
        }
    }

    @Transactional
    public Audit create(Setup setup, User by) {
        Audit audit = new Audit(setup.title(), setup.question(), setup.site(), wardsOf(setup), setup.startDate(),
                setup.endDate(), zoneOf(setup), setOf(setup), setup.dualReviewRate(), by.username, clock.now());
        if (setup.specialties() != null) {
            audit.offerSpecialties(setup.specialties());
        }
        // Only an administrator creates audits (the resource and the page say so), and sees every audit.
        audit.repeat(earlier(setup, by, true));
        audit.persist();
        activity.record(ActivityEvent.AUDIT_SETUP, audit.id, "Created the audit '" + audit.title + "' ("
                + audit.criteriaSet.setId + " " + audit.criteriaSet.version + ", " + audit.startDate + " to "
                + audit.endDate + ")");
        return audit;
    }

    /** The administrator or the audit's lead changes its set-up, while it is PLANNED. */
    @RetryOnConflict
    @Transactional
    public Audit update(Long auditId, Setup setup, User by, boolean admin) {
        Audit.lockForWrite(auditId);
        Audit audit = AuditAccess.of(auditId, by, admin).require(MemberRole.LEAD).audit();
        // Said before the set-up is read, so an audit past PLANNED answers the same whatever was sent.
        audit.requirePlanned();
        List<String> changed = new java.util.ArrayList<>(audit.edit(setup.title(), setup.question(), setup.site(),
                wardsOf(setup), setup.startDate(), setup.endDate(), zoneOf(setup), setOf(setup), setup.dualReviewRate(),
                clock.now()));
        // The specialties list stays as it is unless one is sent.
        if (setup.specialties() != null) {
            List<String> before = audit.specialtiesOffered();
            audit.offerSpecialties(setup.specialties());
            if (!before.equals(audit.specialtiesOffered())) {
                changed.add("specialties");
            }
        }
        Long repeatedBefore = audit.repeats == null ? null : audit.repeats.id;
        audit.repeat(earlier(setup, by, admin));
        if (!java.util.Objects.equals(repeatedBefore, audit.repeats == null ? null : audit.repeats.id)) {
            changed.add("earlier audit it repeats");
        }
        if (!changed.isEmpty()) {
            activity.record(ActivityEvent.AUDIT_SETUP, audit.id, "Changed the audit's " + String.join(", ", changed));
        }
        return audit;
    }

    /**
     * The earlier audit a set-up names as the one it repeats, or null for none. One the caller cannot
     * see is as unknown as one that does not exist, so ids reveal nothing.
     */
    private static Audit earlier(Setup setup, User by, boolean admin) {
        if (setup.repeats() == null || setup.repeats().isBlank()) {
            return null;
        }
        String given = setup.repeats().strip();
        long id;
        try {
            id = Long.parseLong(given);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("repeats", "'" + given + "' is not an audit id.");
        }
        try {
            return AuditAccess.of(id, by, admin).audit();
        } catch (DomainException unknown) {
            throw DomainException.invalid("repeats", "There is no audit " + id + " to repeat.");
        }
    }

    /** The audits a new or planned audit may name as the one it repeats: every audit the caller can see. */
    public List<Audit> repeatable(User by, boolean admin) {
        return visibleTo(by, admin);
    }

    private static CriteriaSet setOf(Setup setup) {
        if (setup.criteriaSetId() == null || setup.criteriaSetId().isBlank() || setup.criteriaSetVersion() == null
                || setup.criteriaSetVersion().isBlank()) {
            throw DomainException.invalid("criteriaSet", "Choose a ratified criteria set.");
        }
        return CriteriaSet.byIdAndVersion(setup.criteriaSetId(), setup.criteriaSetVersion())
                .orElseThrow(() -> DomainException.invalid("criteriaSet", "There is no criteria set "
                        + setup.criteriaSetId() + " version " + setup.criteriaSetVersion() + "."));
    }

    private static LinkedHashSet<String> wardsOf(Setup setup) {
        var wards = new LinkedHashSet<String>();
        for (String ward : setup.wards() == null ? List.<String>of() : setup.wards()) {
            if (ward == null) {
                throw DomainException.invalid("wards", "A ward's name has 1 to 100 characters.");
            }
            if (!wards.add(ward.strip())) {
                throw DomainException.invalid("wards", "Ward '" + ward.strip() + "' is listed twice.");
            }
        }
        return wards;
    }

    private ZoneId zoneOf(Setup setup) {
        return Audit.zoneOf(setup.timeZone() == null || setup.timeZone().isBlank() ? config.defaultTimeZone()
                : setup.timeZone());
    }

    /** The ratified criteria sets a new or planned audit may use. */
    public List<CriteriaSet> ratifiedSets() {
        return CriteriaSet.list("status = ?1 order by setId, version", org.bestplace.criteria.CriteriaStatus.RATIFIED);
    }

    public List<Audit> visibleTo(User user, boolean admin) {
        if (admin) {
            return Audit.list("order by id");
        }
        return Audit.list("select distinct m.audit from Member m where m.user = ?1 order by m.audit.id", user);
    }

    @RetryOnConflict
    @Transactional
    public Member addMember(Long auditId, String username, MemberRole role, Sector sector, User by, boolean admin) {
        AuditAccess access = AuditAccess.of(auditId, by, admin).require(MemberRole.LEAD);
        Audit audit = access.audit();
        audit.requireOpen();
        User user = User.byUsername(username).orElseThrow(() -> DomainException.invalid("username",
                "There is no user '" + username + "'."));
        // A lead who made themselves a reviewer could read every first review and write the "blind"
        // second one; so roles are always given by someone else.
        if (user.id.equals(by.id)) {
            throw DomainException.forbidden("Nobody changes their own roles; ask another lead or an administrator.");
        }
        // Dual review compares organisations: a member speaks for the sector they work in.
        if (sector != null && sector != user.sector) {
            throw DomainException.invalid("sector", user.username + " works in the " + user.sector + " sector; a"
                    + " member's sector is their own.");
        }
        boolean already = Member.ofUserInAudit(audit, user).stream().anyMatch(m -> m.role == role);
        if (already) {
            throw DomainException.conflict("role", user.username + " is already " + role + " on this audit.");
        }
        Member member = new Member(audit, user, role, user.sector, by.username,
                clock.now());
        member.persist();
        activity.record(ActivityEvent.ROLE_CHANGE, audit.id, user.username + " joined the team as " + role + " ("
                + member.sector + ")");
        return member;
    }

    /** Someone new to the service, created from the team page and put on the team in one step. */
    public record NewPerson(String username, String displayName, String email, String organisation, Sector sector,
            String password) {
    }

    @Inject
    UserService users;

    /**
     * Creates the user (with the same rules as the users' API: {@link UserService#create}) and
     * adds them to the team; if either step is refused, neither is kept. Their service-wide role
     * follows their team role, and is never ADMIN.
     */
    @RetryOnConflict
    @Transactional
    public Member addNewMember(Long auditId, NewPerson person, MemberRole role, User by, boolean admin) {
        AuditAccess.of(auditId, by, admin).require(MemberRole.LEAD).audit().requireOpen();
        if (role == null) {
            throw DomainException.invalid("role", "Choose the person's role on the team.");
        }
        Role serviceRole = switch (role) {
            case CHAIR -> Role.CHAIR;
            case COMMISSIONER -> Role.COMMISSIONER;
            case REVIEWER, LEAD -> Role.REVIEWER;
        };
        User user = users.create(new NewUser(person.username(), person.displayName(), person.email(),
                person.organisation(), person.sector() == null ? null : person.sector().name(),
                List.of(serviceRole.name()), person.password()));
        return addMember(auditId, user.username, role, user.sector, by, admin);
    }

    /**
     * Gives a member exactly these roles on the audit (adding and taking away as needed); to take
     * someone off the team altogether, {@link #removeMember}.
     */
    @RetryOnConflict
    @Transactional
    public List<Member> changeRoles(Long auditId, String username, Set<MemberRole> roles, User by, boolean admin) {
        Audit.lockForWrite(auditId);
        Audit audit = AuditAccess.of(auditId, by, admin).require(MemberRole.LEAD).audit();
        audit.requireOpen();
        User user = teamMember(audit, username);
        if (user.id.equals(by.id)) {
            throw DomainException.forbidden("Nobody changes their own roles; ask another lead or an administrator.");
        }
        if (roles == null || roles.isEmpty() || roles.contains(null)) {
            throw DomainException.invalid("roles", "Give " + user.displayName + " at least one role; to take them off"
                    + " the team, use \"Take off the team\".");
        }
        List<Member> held = Member.ofUserInAudit(audit, user);
        Set<MemberRole> before = EnumSet.noneOf(MemberRole.class);
        held.forEach(m -> before.add(m.role));
        for (Member member : held) {
            if (!roles.contains(member.role)) {
                member.delete();
            }
        }
        for (MemberRole role : roles) {
            if (!before.contains(role)) {
                new Member(audit, user, role, user.sector, by.username, clock.now()).persist();
            }
        }
        Set<MemberRole> after = EnumSet.copyOf(roles);
        if (!after.equals(before)) {
            activity.record(ActivityEvent.ROLE_CHANGE, audit.id, user.username + "'s roles on the team changed from "
                    + before + " to " + after);
        }
        return Member.ofUserInAudit(audit, user);
    }

    /**
     * Takes someone off the team: they no longer reach the audit, and the reviews they wrote stay,
     * under their name, in the figures.
     */
    @RetryOnConflict
    @Transactional
    public void removeMember(Long auditId, String username, User by, boolean admin) {
        Audit.lockForWrite(auditId);
        Audit audit = AuditAccess.of(auditId, by, admin).require(MemberRole.LEAD).audit();
        audit.requireOpen();
        User user = teamMember(audit, username);
        if (user.id.equals(by.id)) {
            throw DomainException.forbidden("Nobody takes themselves off a team; ask another lead or an"
                    + " administrator.");
        }
        List<Member> held = Member.ofUserInAudit(audit, user);
        Set<MemberRole> roles = EnumSet.noneOf(MemberRole.class);
        held.forEach(m -> roles.add(m.role));
        held.forEach(Member::delete);
        activity.record(ActivityEvent.ROLE_CHANGE, audit.id, user.username + " left the team (was " + roles + ", "
                + user.sector + "); their reviews stay");
    }

    private static User teamMember(Audit audit, String username) {
        return User.byUsername(username).filter(u -> !Member.ofUserInAudit(audit, u).isEmpty())
                .orElseThrow(() -> DomainException.notFound("member", "'" + username + "' is not on this audit's"
                        + " team."));
    }

    /** The users who can sign in, for the team page's list to choose from. */
    public List<User> usersToChoose() {
        return User.list("deactivatedAt is null order by sector, displayName, username");
    }

    /** The team's members, each with their user, ordered by role and username. */
    public List<Member> team(Audit audit) {
        return Member.ofAudit(audit);
    }

    @RetryOnConflict
    @Transactional
    public Audit changeStatus(Long auditId, AuditStatus next, String reason, User by, boolean admin) {
        Audit.lockForWrite(auditId);
        Audit audit = AuditAccess.of(auditId, by, admin).require(MemberRole.LEAD).audit();
        AuditStatus from = audit.status;
        AuditStatusChange change = audit.moveTo(next, reason, AuditTeam.of(Member.ofAudit(audit)), by.username,
                clock.now());
        change.persist();
        activity.record(ActivityEvent.AUDIT_STATUS, audit.id, "Moved the audit from " + from + " to " + next
                + (change.reason == null ? "" : ": " + change.reason));
        return audit;
    }
}
