package org.bestplace.debrief;

/**
 * Cohen's kappa for two reviewers' independent yes/no judgements of the same cases, from the
 * 2×2 table of their pairs: {@code a} both yes, {@code b} first yes and second no,
 * {@code c} first no and second yes, {@code d} both no.
 */
public final class CohenKappa {

    private CohenKappa() {
    }

    /**
     * Agreement figures for one table. The figures are null rather than NaN when they do not
     * exist, so that JSON and pages can show "not enough data".
     *
     * @param pairs            cases reviewed by both reviewers (a + b + c + d)
     * @param agreed           pairs on which the two reviewers agree (a + d)
     * @param percentAgreement observed agreement po as a proportion from 0 to 1 (not 0 to 100);
     *                         null when there are no pairs
     * @param kappa            (po − pe) / (1 − pe); null when there are no pairs, or when every
     *                         rating falls in one cell, so that chance agreement pe is 1
     * @param ci95             95% interval of kappa, Wald with the Fleiss, Cohen and Everitt
     *                         (1969) large-sample standard error, clipped to [−1, 1]; null
     *                         whenever kappa is null
     * @param pabak            prevalence- and bias-adjusted kappa, 2·po − 1; null when there
     *                         are no pairs
     * @param kappaReason      why kappa is null ("no patient-days", or "not estimable: ..."); null
     *                         when there is a kappa
     * @param ci95Reason       why the interval is null; besides the cases where kappa is null, the
     *                         large-sample standard error is zero (and the interval a false point)
     *                         for a single pair, when one reviewer always gives the same answer,
     *                         and when agreement is perfect
     */
    public record Result(long pairs, long agreed, Double percentAgreement, Double kappa,
            Interval ci95, Double pabak, String kappaReason, String ci95Reason) {
    }

    public static Result of(long a, long b, long c, long d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException(
                    "counts of pairs cannot be negative: " + a + ", " + b + ", " + c + ", " + d);
        }
        long pairs = a + b + c + d;
        long agreed = a + d;
        if (pairs == 0) {
            return new Result(0, 0, null, null, null, null, Interval.NO_PATIENT_DAYS, Interval.NO_PATIENT_DAYS);
        }
        double n = pairs;
        double bothYes = a / n;
        double firstOnlyYes = b / n;
        double secondOnlyYes = c / n;
        double bothNo = d / n;
        double firstYes = bothYes + firstOnlyYes;
        double secondYes = bothYes + secondOnlyYes;
        double firstNo = 1 - firstYes;
        double secondNo = 1 - secondYes;

        double observed = agreed / n;
        double pabak = Interval.tidy(2 * observed - 1);
        // Chance agreement is 1 exactly when both reviewers gave every case the same single answer;
        // kappa is then 0/0. Tested on the counts so that rounding cannot decide it.
        if (a == pairs || d == pairs) {
            String why = Interval.NOT_ESTIMABLE + ": every pair gave the same answer";
            return new Result(pairs, agreed, observed, null, null, pabak, why, why);
        }
        double chance = firstYes * secondYes + firstNo * secondNo;
        double kappa = Interval.tidy((observed - chance) / (1 - chance));
        String noInterval = null;
        if (pairs == 1) {
            noInterval = "a single pair";
        } else if (a + b == 0 || c + d == 0 || a + c == 0 || b + d == 0) {
            noInterval = "one reviewer always gave the same answer";
        } else if (b + c == 0) {
            noInterval = "perfect agreement";
        }
        if (noInterval != null) {
            return new Result(pairs, agreed, observed, kappa, null, pabak, null,
                    Interval.NOT_ESTIMABLE + ": " + noInterval + ", so the standard error is zero");
        }

        // Fleiss, Cohen & Everitt (1969) variance, as in Fleiss, Levin & Paik (2003) ch. 18;
        // preferred to Cohen's (1960) po(1 − po) approximation, which ignores the marginals.
        double disagreementWeight = 1 - kappa;
        double onDiagonal = bothYes * square(1 - (firstYes + secondYes) * disagreementWeight)
                + bothNo * square(1 - (firstNo + secondNo) * disagreementWeight);
        double offDiagonal = square(disagreementWeight)
                * (firstOnlyYes * square(secondYes + firstNo) + secondOnlyYes * square(firstYes + secondNo));
        double correction = square(kappa - chance * disagreementWeight);
        // The cases where the true variance is zero were answered above; rounding can still leave a
        // hair below zero, which is clamped rather than rooted.
        double variance = Math.max(0.0, onDiagonal + offDiagonal - correction) / (n * square(1 - chance));
        if (variance == 0.0) {
            return new Result(pairs, agreed, observed, kappa, null, pabak, null,
                    Interval.NOT_ESTIMABLE + ": the standard error is zero");
        }
        double halfWidth = Wilson.Z95 * Math.sqrt(variance);
        Interval ci95 = new Interval(Math.max(-1.0, kappa - halfWidth), Math.min(1.0, kappa + halfWidth));
        return new Result(pairs, agreed, observed, kappa, ci95, pabak, null, null);
    }

    private static double square(double x) {
        return x * x;
    }
}
