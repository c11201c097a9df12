package org.bestplace.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bestplace.audit.Audit;
import org.bestplace.review.ReviewerReadiness;
import org.bestplace.security.User;

/** Tells review whether a reviewer has met the audit's readiness rule, where the audit requires it. */
@ApplicationScoped
public class TrainingReadiness implements ReviewerReadiness {

    @Inject
    TrainingService training;

    @Override
    public String refusal(Audit audit, User reviewer) {
        return training.notReady(audit, reviewer);
    }
}
