package org.bestplace.review;

import java.time.LocalDate;
import java.util.List;
import org.bestplace.security.Sector;
import org.bestplace.security.User;

/**
 * What one person may do with one case on one day of care. The ward page shows it and the review
 * PUT refuses by it, so the page never offers a review the service would turn down.
 *
 * @param state    where the case stands for this person
 * @param lock     why nobody may write reviews of that day (signed off, audit not collecting), or null
 * @param refusal  why a new review by this person would be refused, or null when it would be taken
 */
public record ReviewerStanding(State state, String lock, String refusal) {

    public enum State {
        REVIEW("To review", true),
        SECOND_REVIEW("Second review wanted", true),
        OWN_DRAFT("Yours: draft", true),
        OWN_SUBMITTED("Yours: submitted", true),
        WAITING_FOR_OTHER_SECTOR("Waiting for a second review from another sector", false),
        NOTHING_LEFT("Nothing left for you", false),
        NOT_A_REVIEWER("Reviewed by the audit's reviewers", false);

        final String label;
        final boolean offered;

        State(String label, boolean offered) {
            this.label = label;
            this.offered = offered;
        }
    }

    /** The words a person reads on the ward list. */
    public String label() {
        return lock == null ? state.label : state.label + " · " + lock;
    }

    /** Whether the review form is worth opening: the person's own review, or one the service would take. */
    public boolean mayOpen() {
        return lock == null && state.offered;
    }

    /**
     * The rule. A case-day takes one review per reviewer and at most two; the second comes from
     * another sector. Only sampled cases ask for a second review, so another sector's reviewer is
     * offered one only there (the API still takes an unasked second review from another sector,
     * as it always has, for tablets that sent one already).
     */
    public static ReviewerStanding of(PatientCase patientCase, LocalDate day, List<DayReview> ofDay,
            boolean dualReview, User by, Sector sector, boolean reviewer, String lock) {
        String number = patientCase.caseNumber;
        for (DayReview review : ofDay) {
            if (review.isAuthor(by)) {
                return new ReviewerStanding(review.submitted() ? State.OWN_SUBMITTED : State.OWN_DRAFT, lock,
                        "You have already reviewed case " + number + " on " + day + "; change that review instead.");
            }
        }
        if (!reviewer) {
            return new ReviewerStanding(State.NOT_A_REVIEWER, lock, "Your role on this audit does not allow this.");
        }
        if (ofDay.size() >= 2) {
            return new ReviewerStanding(State.NOTHING_LEFT, lock, "Case " + number + " already has two reviews on "
                    + day + ".");
        }
        if (ofDay.size() == 1) {
            if (ofDay.get(0).sector() == sector) {
                return new ReviewerStanding(dualReview ? State.WAITING_FOR_OTHER_SECTOR : State.NOTHING_LEFT, lock,
                        "The second review of case " + number + " must come from a sector other than "
                                + sector.name().toLowerCase() + ".");
            }
            return new ReviewerStanding(dualReview ? State.SECOND_REVIEW : State.NOTHING_LEFT, lock, null);
        }
        return new ReviewerStanding(State.REVIEW, lock, null);
    }
}
