package org.bestplace.debrief;

/**
 * Wilson score interval for a proportion, such as the share of reviewed patients who do not
 * qualify. Chosen over the textbook Wald interval because it stays inside [0, 1] and keeps its
 * coverage on a single ward's small counts and near 0% or 100%.
 */
public final class Wilson {

    /** Two-sided 95% standard normal quantile, 1 − 0.05/2. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    /** 95% interval for {@code successes} out of {@code n}; {@code null} for 0 of 0, which is no proportion at all. */
    public static Interval interval(long successes, long n) {
        if (n < 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException(
                    "need 0 <= successes <= n, got " + successes + " of " + n);
        }
        if (n == 0) {
            return null;
        }
        double zSquared = Z95 * Z95;
        double failures = n - successes;
        double denominator = n + zSquared;
        double centre = (successes + zSquared / 2) / denominator;
        double halfWidth = Z95 * Math.sqrt(successes * failures / n + zSquared / 4) / denominator;
        // At 0 of n or n of n the limit is exactly 0 or 1 in theory; rounding must not show 1e-17.
        double low = successes == 0 ? 0.0 : Math.max(0.0, centre - halfWidth);
        double high = successes == n ? 1.0 : Math.min(1.0, centre + halfWidth);
        return new Interval(low, high);
    }
}
