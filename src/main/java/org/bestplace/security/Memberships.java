package org.bestplace.security;

import java.time.LocalDate;
import java.util.List;

/**
 * The audits a user works on, for the start page and {@code /api/me}. Audits sit above security,
 * so security asks through this interface and the audit feature answers it.
 */
public interface Memberships {

    /** An audit as the start page lists it. */
    record AuditLink(Long id, String title, String status, LocalDate startDate, LocalDate endDate) {
    }

    /** Every audit for an administrator; otherwise the audits the user is on the team of. */
    List<AuditLink> visibleTo(User user, boolean admin);

    /** The user's places on audit teams, one per role held. */
    List<UserResource.Membership> of(User user);
}
