package org.bestplace.debrief;

/** Wilson score interval for a proportion: well behaved for small samples and proportions near 0 or 1. */
public final class Wilson {

    /** The 97.5th centile of the standard normal distribution. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    /** 95% interval for {@code successes} out of {@code n}; with no observations, all of [0, 1]. */
    public static Interval interval(long successes, long n) {
        if (n < 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n, got " + successes + " of " + n);
        }
        if (n == 0) {
            return new Interval(0.0, 1.0);
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        // Clamp rounding error at the ends: 0 of n must give exactly 0, n of n exactly 1.
        return new Interval(successes == 0 ? 0.0 : Math.max(0.0, centre - half),
                successes == n ? 1.0 : Math.min(1.0, centre + half));
    }
}
