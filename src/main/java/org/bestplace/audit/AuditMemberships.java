package org.bestplace.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.bestplace.security.Memberships;
import org.bestplace.security.User;
import org.bestplace.security.UserResource;

/** Answers security's question "which audits is this user on?" from the audits and their teams. */
@ApplicationScoped
public class AuditMemberships implements Memberships {

    @Inject
    AuditService audits;

    @Override
    public List<AuditLink> visibleTo(User user, boolean admin) {
        return audits.visibleTo(user, admin).stream()
                .map(a -> new AuditLink(a.id, a.title, a.status.name(), a.startDate, a.endDate)).toList();
    }

    @Override
    public List<UserResource.Membership> of(User user) {
        return Member.ofUser(user).stream().map(m -> new UserResource.Membership(String.valueOf(m.audit.id),
                m.audit.title, m.role.name(), m.sector.name())).toList();
    }
}
