package org.bestplace.audit;

import java.util.Map;

/**
 * Where each of an audit's reviewers stands in training, for the team page. Training sits above
 * audit, so the team page asks through this interface and the training feature answers it.
 */
public interface TeamReadiness {

    /**
     * One reviewer in the audit's current training round.
     *
     * @param answered training cases answered
     * @param kappa    Cohen's kappa against the reference; null when it cannot be estimated yet
     * @param ready    whether they meet the audit's readiness rule
     */
    record Standing(long answered, Double kappa, boolean ready) {
    }

    /** The standing of each of the audit's reviewers, by username. */
    Map<String, Standing> of(Audit audit);
}
