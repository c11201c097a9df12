package org.bestplace.review;

import java.util.HashSet;
import java.util.Set;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.web.DomainException;

/**
 * The rules an answer about a patient keeps against a criteria set: known criteria, an override
 * only with a reason and only where it changes the outcome, an alternative place exactly when the
 * patient does not qualify, and reasons only then. A review keeps them, and so does a training
 * case's reference answer and a reviewer's practice answer.
 */
public final class AnswerRules {

    private AnswerRules() {
    }

    /**
     * Refuses the first broken rule, naming its field after {@code prefix} (empty for a review,
     * {@code "reference."} for a training case's reference).
     */
    public static void check(ReviewContent content, CriteriaFile set, String setName, String prefix) {
        Set<String> seen = new HashSet<>();
        for (String code : content.criteriaMet()) {
            if (set.criterion(code).isEmpty()) {
                throw DomainException.invalid(prefix + "criteriaMet", "Unknown criterion code '" + code
                        + "' for criteria set " + setName + ".");
            }
            if (!seen.add(code)) {
                throw DomainException.invalid(prefix + "criteriaMet", "Criterion '" + code + "' is listed twice.");
            }
        }
        if (content.overrideOutcome() != null) {
            if (content.overrideReason() == null) {
                throw DomainException.invalid(prefix + "override.reason", "An override needs a written reason.");
            }
            if (content.overrideOutcome() == Outcome.fromCriteria(content.criteriaMet())) {
                throw DomainException.invalid(prefix + "override.outcome", "The override gives the same outcome as"
                        + " the criteria (" + content.overrideOutcome() + "); leave it out.");
            }
        }
        if (content.outcome() == Outcome.DOES_NOT_QUALIFY) {
            if (content.alternative() == null) {
                throw DomainException.invalid(prefix + "alternative", "A patient who does not qualify needs the"
                        + " best alternative place of care.");
            }
            if (!set.hasAlternative(content.alternative())) {
                throw DomainException.invalid(prefix + "alternative", "Unknown alternative place '"
                        + content.alternative() + "'.");
            }
            seen.clear();
            for (String code : content.reasons()) {
                if (!set.hasReason(code)) {
                    throw DomainException.invalid(prefix + "reasons", "Unknown reason code '" + code + "'.");
                }
                if (!seen.add(code)) {
                    throw DomainException.invalid(prefix + "reasons", "Reason '" + code + "' is listed twice.");
                }
            }
        } else {
            if (content.alternative() != null) {
                throw DomainException.invalid(prefix + "alternative", "A patient who qualifies has no alternative"
                        + " place; leave it out.");
            }
            if (!content.reasons().isEmpty()) {
                throw DomainException.invalid(prefix + "reasons", "Reasons for delay are recorded only for a patient"
                        + " who does not qualify.");
            }
        }
    }
}
