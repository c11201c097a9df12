package org.bestplace.training;

import java.util.Arrays;
import java.util.List;
import org.bestplace.review.Outcome;
import org.bestplace.review.ReviewContent;

/**
 * What someone says about a training case: the criteria met, an override with its reason, the
 * alternative place and the reasons. A case's reference answer and a reviewer's practice answer
 * are both one of these, normalised as a review's content is (sorted codes, blank text as absent),
 * so a repeated answer is recognised as the same.
 */
public record Answer(List<String> criteriaMet, Outcome overrideOutcome, String overrideReason, String alternative,
        List<String> reasons) {

    public Answer {
        ReviewContent normal = new ReviewContent(0, null, criteriaMet, overrideOutcome, overrideReason, alternative,
                reasons, null, false, true);
        criteriaMet = normal.criteriaMet();
        reasons = normal.reasons();
        overrideReason = normal.overrideReason();
        alternative = normal.alternative();
    }

    public Outcome outcome() {
        return Outcome.derive(criteriaMet, overrideOutcome);
    }

    /** The same answer as a review's content, to be checked by the rules a review keeps. */
    ReviewContent asReviewContent() {
        return new ReviewContent(0, null, criteriaMet, overrideOutcome, overrideReason, alternative, reasons, null,
                false, true);
    }

    static String join(List<String> codes) {
        return String.join(",", codes);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
