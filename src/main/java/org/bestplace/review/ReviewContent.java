package org.bestplace.review;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything a reviewer says about a case on a day, normalised (sorted codes, blank text as
 * absent), so that a repeated request can be recognised as the same review.
 */
public record ReviewContent(
        long caseId,
        LocalDate reviewDate,
        List<String> criteriaMet,
        Outcome overrideOutcome,
        String overrideReason,
        String alternative,
        List<String> reasons,
        String note,
        boolean flagged,
        boolean submitted) {

    public ReviewContent {
        criteriaMet = criteriaMet == null ? List.of() : criteriaMet.stream().sorted().toList();
        reasons = reasons == null ? List.of() : reasons.stream().sorted().toList();
        overrideReason = blankToNull(overrideReason);
        alternative = blankToNull(alternative);
        note = blankToNull(note);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Outcome outcome() {
        return Outcome.derive(criteriaMet, overrideOutcome);
    }
}
