package org.bestplace.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * A day's progress on each of an audit's wards, for its home page. The cases live in review,
 * above audit, so the page asks through this interface and review counts.
 */
public interface WardCounts {

    /** One line per ward of the audit, in the audit's ward order. */
    List<AuditPages.WardProgress> on(Audit audit, LocalDate day);
}
