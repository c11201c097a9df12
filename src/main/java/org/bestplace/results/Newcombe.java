package org.bestplace.results;

import org.bestplace.debrief.Interval;
import org.bestplace.debrief.Wilson;

/**
 * Difference between two independent proportions with Newcombe's hybrid score interval
 * (Newcombe 1998, method 10), built from the two Wilson intervals.
 */
public final class Newcombe {

    private Newcombe() {
    }

    public record Difference(double difference, Interval ci95) {
    }

    /** p1 − p2 for x1 of n1 against x2 of n2. */
    public static Difference difference(long x1, long n1, long x2, long n2) {
        if (n1 <= 0 || n2 <= 0) {
            throw new IllegalArgumentException("both groups need at least one observation");
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        Interval w1 = Wilson.interval(x1, n1);
        Interval w2 = Wilson.interval(x2, n2);
        double d = p1 - p2;
        double low = d - Math.sqrt(square(p1 - w1.low()) + square(w2.high() - p2));
        double high = d + Math.sqrt(square(w1.high() - p1) + square(p2 - w2.low()));
        return new Difference(d, new Interval(low, high));
    }

    private static double square(double x) {
        return x * x;
    }
}
