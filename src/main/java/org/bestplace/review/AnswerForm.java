package org.bestplace.review;

import java.util.List;
import org.bestplace.criteria.CriteriaFile;

/**
 * What the answer part of the review form shows (criteria, override, alternative place, reasons
 * and the live outcome), so the ward's review form and the training forms share one partial
 * ({@code templates/includes/answerFields.html}) and one script.
 */
public interface AnswerForm {

    CriteriaFile set();

    /** The field in error, by the form's own names ({@code criteriaMet}, {@code alternative}, ...), or null. */
    String field();

    String message();

    /** The codes of the criteria ticked so far. */
    List<String> criteriaMet();

    /** The codes of the reasons ticked so far. */
    List<String> reasons();

    default boolean met(String code) {
        return criteriaMet().contains(code);
    }

    default boolean hasReason(String code) {
        return reasons().contains(code);
    }

    String overrideOutcome();

    String overrideReason();

    String alternative();

    /** The outcome the answer gives so far, or null before it is worked out. */
    String outcome();

    default boolean notQualifying() {
        return "DOES_NOT_QUALIFY".equals(outcome());
    }
}
