package org.bestplace.review;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.bestplace.criteria.CriteriaFile;

/**
 * What one change did to a review, in the review form's own words: each criterion whose tick
 * changed by its text, then the outcome, override, place, reasons, note and flag, where they
 * differ. Codes never reach the reader; a code the set no longer has is shown as it is.
 */
public final class ReviewDifference {

    /** One line of the difference: what, as it was, as it became. */
    public record Row(String what, String before, String after) {
    }

    static final String NONE = "None";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private ReviewDifference() {
    }

    public static List<Row> between(ReviewContent before, ReviewContent after, CriteriaFile set) {
        List<Row> rows = new ArrayList<>();
        if (!Objects.equals(before.reviewDate(), after.reviewDate())) {
            rows.add(new Row("Day of care", day(before.reviewDate()), day(after.reviewDate())));
        }
        List<String> codes = new ArrayList<>(set.criteria().map(CriteriaFile.Criterion::code).toList());
        // a code outside the set (it should not happen) is still shown, after the set's own
        before.criteriaMet().stream().filter(c -> !codes.contains(c)).forEach(codes::add);
        after.criteriaMet().stream().filter(c -> !codes.contains(c)).forEach(codes::add);
        for (String code : codes) {
            boolean was = before.criteriaMet().contains(code);
            boolean is = after.criteriaMet().contains(code);
            if (was != is) {
                String text = set.criterion(code).map(CriteriaFile.Criterion::text).orElse(code);
                rows.add(new Row(text, was ? "Met" : "Not met", is ? "Met" : "Not met"));
            }
        }
        if (before.outcome() != after.outcome()) {
            rows.add(new Row("Outcome", outcome(before.outcome()), outcome(after.outcome())));
        }
        String overrideBefore = override(before);
        String overrideAfter = override(after);
        if (!overrideBefore.equals(overrideAfter)) {
            rows.add(new Row("Override", overrideBefore, overrideAfter));
        }
        String placeBefore = place(before.alternative(), set);
        String placeAfter = place(after.alternative(), set);
        if (!placeBefore.equals(placeAfter)) {
            rows.add(new Row("Best alternative place of care", placeBefore, placeAfter));
        }
        String reasonsBefore = reasons(before.reasons(), set);
        String reasonsAfter = reasons(after.reasons(), set);
        if (!reasonsBefore.equals(reasonsAfter)) {
            rows.add(new Row("Why is the patient still in hospital?", reasonsBefore, reasonsAfter));
        }
        if (!Objects.equals(before.note(), after.note())) {
            rows.add(new Row("Note", text(before.note()), text(after.note())));
        }
        if (before.flagged() != after.flagged()) {
            rows.add(new Row("Flagged for the debrief", before.flagged() ? "Yes" : "No", after.flagged() ? "Yes" : "No"));
        }
        return rows;
    }

    static String outcome(Outcome outcome) {
        return outcome == Outcome.QUALIFIES ? "Qualifies" : "Does not qualify";
    }

    private static String override(ReviewContent c) {
        return c.overrideOutcome() == null ? NONE : outcome(c.overrideOutcome()) + ": " + text(c.overrideReason());
    }

    private static String place(String code, CriteriaFile set) {
        if (code == null) {
            return NONE;
        }
        return set.alternatives().stream().filter(a -> a.code().equals(code)).map(CriteriaFile.Alternative::title)
                .findFirst().orElse(code);
    }

    private static String reasons(List<String> codes, CriteriaFile set) {
        if (codes.isEmpty()) {
            return NONE;
        }
        List<String> titles = new ArrayList<>();
        for (CriteriaFile.Reason reason : set.reasons()) {
            if (codes.contains(reason.code())) {
                titles.add(reason.title());
            }
        }
        codes.stream().filter(c -> set.reasons().stream().noneMatch(r -> r.code().equals(c))).forEach(titles::add);
        return String.join("; ", titles);
    }

    private static String text(String value) {
        return value == null ? NONE : value;
    }

    static String day(LocalDate date) {
        return date == null ? NONE : DAY.format(date);
    }
}
