package org.bestplace.results;

import org.bestplace.debrief.Interval;
import org.bestplace.debrief.Wilson;

/**
 * Difference between two independent proportions, for comparing two audits (before and after,
 * ward A and ward B), with Newcombe's (1998) hybrid score interval, his method 10. It is built
 * from the two Wilson intervals, so it inherits their good behaviour at small counts and near
 * 0% or 100%, where the simple Wald interval for a difference overshoots or collapses.
 */
public final class Newcombe {

    private Newcombe() {
    }

    /**
     * @param difference p1 − p2, as a proportion from −1 to 1
     * @param ci95       Newcombe hybrid score 95% interval of the difference
     */
    public record Difference(double difference, Interval ci95) {
        public Difference {
            difference = Interval.tidy(difference);
        }
    }

    /** p1 − p2 for {@code x1} of {@code n1} against {@code x2} of {@code n2}. */
    public static Difference difference(long x1, long n1, long x2, long n2) {
        if (n1 <= 0 || n2 <= 0) {
            throw new IllegalArgumentException(
                    "both groups need at least one case, got n1 = " + n1 + " and n2 = " + n2);
        }
        Interval first = Wilson.interval(x1, n1);
        Interval second = Wilson.interval(x2, n2);
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double difference = p1 - p2;
        // The lower limit is reached when p1 is low and p2 is high, and the upper the other way round.
        double below = Math.sqrt(square(p1 - first.low()) + square(second.high() - p2));
        double above = Math.sqrt(square(first.high() - p1) + square(p2 - second.low()));
        return new Difference(difference, new Interval(difference - below, difference + above));
    }

    private static double square(double x) {
        return x * x;
    }
}
