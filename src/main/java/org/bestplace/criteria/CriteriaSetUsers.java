package org.bestplace.criteria;

import java.util.Optional;

/**
 * Whether an audit uses a criteria set, so that a used set is never overwritten. Audits sit above
 * criteria, so criteria asks through this interface and the audit feature answers it.
 */
public interface CriteriaSetUsers {

    /** An audit that uses a set, as its refusal names it. */
    record AuditUsing(Long id, String title) {
    }

    /** The first audit that uses the set, if any does. */
    Optional<AuditUsing> firstAuditUsing(CriteriaSet set);
}
