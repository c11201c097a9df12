package org.bestplace.audit;

import org.bestplace.activity.ActivityEvent;
import org.bestplace.activity.ActivityLog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import org.bestplace.BestplaceConfig;
import org.bestplace.criteria.CriteriaService;
import org.bestplace.criteria.CriteriaSet;
import org.bestplace.database.RetryOnConflict;
import org.bestplace.operations.ServiceClock;
import org.bestplace.security.Sector;
import org.bestplace.security.User;
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

    public record Setup(String title, String question, String site, List<String> wards, LocalDate startDate,
            LocalDate endDate, String criteriaSetId, String criteriaSetVersion, BigDecimal dualReviewRate,
            String timeZone, List<String> specialties) {
    }

    @Transactional
    public Audit create(Setup setup, User by) {
        CriteriaSet set = CriteriaSet.byIdAndVersion(setup.criteriaSetId(), setup.criteriaSetVersion())
                .orElseThrow(() -> DomainException.invalid("criteriaSet", "There is no criteria set "
                        + setup.criteriaSetId() + " version " + setup.criteriaSetVersion() + "."));
        var wards = new LinkedHashSet<String>();
        for (String ward : setup.wards()) {
            if (!wards.add(ward.strip())) {
                throw DomainException.invalid("wards", "Ward '" + ward + "' is listed twice.");
            }
        }
        ZoneId zone = Audit.zoneOf(setup.timeZone() == null ? config.defaultTimeZone() : setup.timeZone());
        Audit audit = new Audit(setup.title().strip(), setup.question().strip(), setup.site().strip(), wards,
                setup.startDate(), setup.endDate(), zone, set, setup.dualReviewRate(), by.username, clock.now());
        if (setup.specialties() != null) {
            audit.offerSpecialties(setup.specialties());
        }
        audit.persist();
        return audit;
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

    @RetryOnConflict
    @Transactional
    public Audit changeStatus(Long auditId, AuditStatus next, String reason, User by, boolean admin) {
        Audit audit = AuditAccess.of(auditId, by, admin).require(MemberRole.LEAD).audit();
        audit.moveTo(next, reason, by.username, clock.now()).persist();
        return audit;
    }
}
