package org.bestplace.criteria;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether an audit uses a criteria set, so that a used set is never overwritten. Audits sit above
 * criteria, so criteria asks through this interface and the audit feature answers it.
 */
public interface CriteriaSetUsers {

    /** An audit that uses a set, as its refusal and the sets page name it. */
    record AuditUsing(Long id, String title, String status) {
    }

    /** The first audit that uses the set, if any does. */
    Optional<AuditUsing> firstAuditUsing(CriteriaSet set);

    /** The audits on each of these sets, by the set's stored id; a set no audit uses is left out. */
    Map<Long, List<AuditUsing>> auditsUsing(List<CriteriaSet> sets);
}
