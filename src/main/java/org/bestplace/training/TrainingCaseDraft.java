package org.bestplace.training;

import java.util.List;
import org.bestplace.criteria.CriteriaFile;
import org.bestplace.review.AnswerRules;
import org.bestplace.review.Registration;
import org.bestplace.web.DomainException;

/**
 * A training case as its writer gives it, by the API, the page or the YAML file. Blank optional
 * fields are absent.
 */
public record TrainingCaseDraft(String title, String notes, String ward, String specialty, String ageBand,
        String sex, Integer daysSinceAdmission, Answer reference) {

    public TrainingCaseDraft {
        title = blankToNull(title);
        notes = notes == null || notes.isBlank() ? null : notes.strip();
        ward = blankToNull(ward);
        specialty = blankToNull(specialty);
        ageBand = blankToNull(ageBand);
        sex = blankToNull(sex);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Refuses the first thing wrong, naming its field; the reference by the rules a review keeps. */
    void check(CriteriaFile set, String setName) {
        if (title == null) {
            throw DomainException.invalid("title", "Give the training case a title.");
        }
        if (title.length() > TrainingCase.MAX_TITLE) {
            throw DomainException.invalid("title", "The title is " + title.length() + " characters long; it may"
                    + " have up to 300.");
        }
        if (notes == null) {
            throw DomainException.invalid("notes", "Write the notes the reviewer reads: the day's observations,"
                    + " prescriptions and plans.");
        }
        if (notes.length() > TrainingCase.MAX_NOTES) {
            throw DomainException.invalid("notes", "The notes are " + notes.length() + " characters long; they"
                    + " may have up to 10,000.");
        }
        if (ward != null && ward.length() > 100) {
            throw DomainException.invalid("ward", "The ward may have up to 100 characters.");
        }
        if (specialty != null && specialty.length() > 100) {
            throw DomainException.invalid("specialty", "The specialty may have up to 100 characters.");
        }
        if (ageBand != null && !Registration.AGE_BANDS.contains(ageBand)) {
            throw DomainException.invalid("ageBand", "Choose an age band: " + String.join(", ",
                    Registration.AGE_BANDS) + ".");
        }
        if (sex != null && !Registration.SEXES.contains(sex)) {
            throw DomainException.invalid("sex", "Choose the patient's sex: " + String.join(", ",
                    Registration.SEXES) + ".");
        }
        if (daysSinceAdmission != null && (daysSinceAdmission < 0 || daysSinceAdmission > 3650)) {
            throw DomainException.invalid("daysSinceAdmission", "Days since admission is a whole number from 0.");
        }
        if (reference == null) {
            throw DomainException.invalid("reference", "Give the panel's reference answer.");
        }
        checkLengths(reference, "reference.");
        AnswerRules.check(reference.asReviewContent(), set, setName, "reference.");
    }

    static void checkLengths(Answer answer, String prefix) {
        if (answer.overrideReason() != null && answer.overrideReason().length() > 2000) {
            throw DomainException.invalid(prefix + "override.reason", "The reason for the override may have up to"
                    + " 2,000 characters.");
        }
        if (answer.criteriaMet().size() > 100 || answer.reasons().size() > 50
                || Answer.join(answer.criteriaMet()).length() > 1000 || Answer.join(answer.reasons()).length() > 1000) {
            throw DomainException.invalid(prefix + "criteriaMet", "Too many codes in one answer.");
        }
    }

    static List<String> orEmpty(List<String> codes) {
        return codes == null ? List.of() : codes;
    }
}
