package org.bestplace.review;

import org.bestplace.audit.Audit;
import org.bestplace.security.User;

/**
 * Whether a reviewer may review in an audit that requires training first. Training sits above
 * review, so review asks through this interface and the training feature answers it.
 */
public interface ReviewerReadiness {

    /** Why this person may not review in the audit yet, in words for them; null when they may. */
    String refusal(Audit audit, User reviewer);

    /**
     * Whether the audit {@code a} takes reviews only from ready reviewers, as an SQL condition
     * without parameters, so a new review reads it with its audit in one statement and asks
     * {@link #refusal} only where it is true.
     */
    String requiredCondition();
}
