package org.bestplace.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bestplace.audit.Audit;
import org.bestplace.audit.TeamReadiness;
import org.bestplace.database.Sql;
import org.bestplace.review.ReviewerReadiness;
import org.bestplace.security.User;

/**
 * Tells review whether a reviewer has met the audit's readiness rule, where the audit requires it,
 * and the team page where each reviewer stands.
 */
@ApplicationScoped
public class TrainingReadiness implements ReviewerReadiness, TeamReadiness {

    @Inject
    TrainingService training;

    @Override
    public String refusal(Audit audit, User reviewer) {
        return training.notReady(audit, reviewer);
    }

    @Override
    public String requiredCondition() {
        return Sql.load("training/readiness-required").strip();
    }

    @Override
    public Map<String, Standing> of(Audit audit) {
        Map<String, Standing> standings = new LinkedHashMap<>();
        for (TrainingService.ReviewerScores r : training.reviewersOf(audit, ReadinessRule.of(audit),
                TrainingRound.currentStart(audit))) {
            standings.put(r.user().username, new Standing(r.scores().answered(), r.scores().kappa(), r.ready()));
        }
        return standings;
    }
}
