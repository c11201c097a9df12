package org.bestplace.audit;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.bestplace.security.Sector;
import org.bestplace.security.User;
import org.bestplace.web.DomainException;

/**
 * What the caller may do on one audit. A user who is not on the team is told the audit does
 * not exist, so audit ids reveal nothing to outsiders; administrators may do everything.
 */
public record AuditAccess(Audit audit, User user, boolean admin, Set<MemberRole> roles, Sector sector) {

    public static AuditAccess of(Long auditId, User user, boolean admin) {
        Audit audit = auditId == null ? null : Audit.findById(auditId);
        if (audit == null) {
            throw noSuchAudit(auditId);
        }
        Map<MemberRole, Sector> places = new EnumMap<>(MemberRole.class);
        for (Member member : Member.ofUserInAudit(audit, user)) {
            places.put(member.role, member.sector);
        }
        return ofPlaces(audit, user, admin, places);
    }

    /**
     * The same from the user's places on the audit's team (each role with its sector), read
     * with the audit by the caller. The sector is the reviewer place's, else the user's own.
     */
    public static AuditAccess ofPlaces(Audit audit, User user, boolean admin, Map<MemberRole, Sector> places) {
        if (places.isEmpty() && !admin) {
            throw noSuchAudit(audit.id);
        }
        Set<MemberRole> roles = places.isEmpty() ? EnumSet.noneOf(MemberRole.class) : EnumSet.copyOf(places.keySet());
        Sector sector = places.getOrDefault(MemberRole.REVIEWER, user.sector);
        return new AuditAccess(audit, user, admin, roles, sector);
    }

    /** Refuses an audit that is not there, in the words every audit door uses. */
    public static DomainException noSuchAudit(Long auditId) {
        return DomainException.notFound("There is no audit " + auditId + ".");
    }

    public boolean has(MemberRole role) {
        return roles.contains(role);
    }

    /** Administrators, leads, chairs and commissioners read every review of the audit. */
    public boolean seesEveryReview() {
        return admin || roles.contains(MemberRole.LEAD) || roles.contains(MemberRole.CHAIR)
                || roles.contains(MemberRole.COMMISSIONER);
    }

    /**
     * A reviewer, while the audit may still take reviews, sees figures only for the days whose
     * debrief is open: any other day's figures could give away a first review before the blind
     * second one is written, and so could a cumulative figure that moves as each review comes in.
     */
    public boolean seesOnlyOpenedDays() {
        return !seesEveryReview() && (audit.status == AuditStatus.PLANNED || audit.status == AuditStatus.COLLECTING);
    }

    /** Refuses unless the caller is an administrator or holds one of these roles on the audit. */
    public AuditAccess require(MemberRole... allowed) {
        if (admin) {
            return this;
        }
        for (MemberRole role : allowed) {
            if (roles.contains(role)) {
                return this;
            }
        }
        throw DomainException.forbidden("Your role on this audit does not allow this.");
    }
}
