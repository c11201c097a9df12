package org.bestplace.review;

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

    boolean met(String code);

    boolean hasReason(String code);

    String overrideOutcome();

    String overrideReason();

    String alternative();

    /** The outcome the answer gives so far, or null before it is worked out. */
    String outcome();

    boolean notQualifying();
}
