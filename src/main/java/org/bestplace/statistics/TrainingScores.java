package org.bestplace.statistics;

import java.util.List;

/**
 * A person's outcomes on training cases scored against the cases' reference outcomes, with
 * "does not qualify" as the positive rating (DESIGN.md §4, "Training scores").
 *
 * <p>Kappa and its interval are those of {@link CohenKappa} for the 2×2 table of (person,
 * reference) pairs, the person as the first rater and the reference as the second. Figures that do
 * not exist are null rather than NaN, so that JSON and pages can say so.
 *
 * @param answered          training cases the person answered
 * @param agreed            cases on which the person's outcome is the reference outcome
 * @param percentAgreement  agreed / answered as a proportion from 0 to 1; null when nothing is answered
 * @param kappa             Cohen's kappa of the person against the reference; null when nothing is
 *                          answered or when person and reference gave every case the same single outcome
 * @param ci95              95% interval of kappa as {@link CohenKappa} computes it; null with a reason
 * @param ci95Reason        why the interval is null; null when there is one
 * @param sensitivity       share of the reference's not-qualifying cases the person called not
 *                          qualifying; null when the reference has no not-qualifying case among them
 * @param specificity       share of the reference's qualifying cases the person called qualifying;
 *                          null when the reference has no qualifying case among them
 */
public record TrainingScores(long answered, long agreed, Double percentAgreement, Double kappa,
        Interval ci95, String ci95Reason, Double sensitivity, Double specificity) {

    /** Why every figure is absent: the person has not answered a case yet. */
    public static final String NOTHING_ANSWERED = "no training cases answered";

    /**
     * Comparisons with a threshold forgive this much floating-point noise, so that a kappa worked out
     * as 0.6 is not refused for being 0.5999999999999999.
     */
    static final double TOLERANCE = 1e-9;

    /** One answered case: whether the person, and whether the reference, said "does not qualify". */
    public record Rating(boolean personNotQualifying, boolean referenceNotQualifying) {
    }

    public static TrainingScores of(List<Rating> ratings) {
        long bothNot = 0;
        long personOnlyNot = 0;
        long referenceOnlyNot = 0;
        long bothQualify = 0;
        for (Rating rating : ratings) {
            if (rating.personNotQualifying() && rating.referenceNotQualifying()) {
                bothNot++;
            } else if (rating.personNotQualifying()) {
                personOnlyNot++;
            } else if (rating.referenceNotQualifying()) {
                referenceOnlyNot++;
            } else {
                bothQualify++;
            }
        }
        CohenKappa.Result table = CohenKappa.of(bothNot, personOnlyNot, referenceOnlyNot, bothQualify);
        if (table.pairs() == 0) {
            return new TrainingScores(0, 0, null, null, null, NOTHING_ANSWERED, null, null);
        }
        long referenceNot = bothNot + referenceOnlyNot;
        long referenceQualifies = personOnlyNot + bothQualify;
        Double sensitivity = referenceNot == 0 ? null : (double) bothNot / referenceNot;
        Double specificity = referenceQualifies == 0 ? null : (double) bothQualify / referenceQualifies;
        return new TrainingScores(table.pairs(), table.agreed(), table.percentAgreement(), table.kappa(),
                table.ci95(), table.ci95Reason(), sensitivity, specificity);
    }

    /**
     * Ready by the audit's rule: at least {@code minCases} answered, kappa at least {@code minKappa}
     * and agreement at least {@code minAgreement}. A kappa that cannot be estimated does not meet a
     * kappa threshold.
     */
    public boolean meets(long minCases, double minKappa, double minAgreement) {
        return answered >= minCases
                && kappa != null && kappa >= minKappa - TOLERANCE
                && percentAgreement != null && percentAgreement >= minAgreement - TOLERANCE;
    }
}
