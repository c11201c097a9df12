package org.bestplace.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A funnel plot (Spiegelhalter 2005) of the proportion not qualifying of each ward, specialty or
 * audit against its number of patient-days. The limits are the overall proportion ± z standard
 * errors at each n, for z of a 95% and a 99.8% two-sided normal interval, clipped to [0, 1]: a
 * group outside them differs from the rest by more than its size explains. Small groups get wide
 * limits, so a ward of ten patient-days is not called an outlier for one patient.
 */
public final class FunnelPlot {

    /** z of the 95% limits, as the API contract gives it. */
    public static final double Z95 = 1.959964;
    /** z of the 99.8% limits, as the API contract gives it. */
    public static final double Z998 = 3.090232;
    /** How many steps the drawn funnel takes from n = 1 to past the largest group. */
    static final int STEPS = 48;

    /** A ward, specialty or audit: {@code n} patient-days, of which {@code notQualifying} did not qualify. */
    public record Group(String key, long n, long notQualifying) {
    }

    /** A group on the plot; inside means on or between the limits at its own n. */
    public record Point(String key, long n, long notQualifying, double proportion, boolean inside95,
            boolean inside998) {
    }

    public record Limit(long n, double low95, double high95, double low998, double high998) {
    }

    /**
     * {@code overall} is null when there are no groups. {@code limits} are the limits at every
     * group's n and at enough other n, from 1 to a tenth past the largest group, in order of n, to
     * draw the funnel as a smooth curve.
     */
    public record Chart(Double overall, List<Point> points, List<Limit> limits) {
    }

    private FunnelPlot() {
    }

    /** The plot of these groups, in the order given; each needs at least one patient-day. */
    public static Chart of(List<Group> groups) {
        long totalN = 0;
        long totalNotQualifying = 0;
        for (Group group : groups) {
            if (group.n() <= 0 || group.notQualifying() < 0 || group.notQualifying() > group.n()) {
                throw new IllegalArgumentException("need 0 <= not qualifying <= n and n > 0, got "
                        + group.notQualifying() + " of " + group.n() + " for " + group.key());
            }
            totalN += group.n();
            totalNotQualifying += group.notQualifying();
        }
        if (groups.isEmpty()) {
            return new Chart(null, List.of(), List.of());
        }
        double overall = (double) totalNotQualifying / totalN;
        List<Point> points = new ArrayList<>();
        TreeSet<Long> ns = new TreeSet<>();
        long largest = 0;
        for (Group group : groups) {
            Limit limit = limitAt(overall, group.n());
            double proportion = (double) group.notQualifying() / group.n();
            points.add(new Point(group.key(), group.n(), group.notQualifying(), proportion,
                    limit.low95() <= proportion && proportion <= limit.high95(),
                    limit.low998() <= proportion && proportion <= limit.high998()));
            ns.add(group.n());
            largest = Math.max(largest, group.n());
        }
        long last = largest + (largest + 9) / 10;
        // The limits change fastest at small n, so the steps are closer there (evenly spaced in √n).
        for (int k = 0; k <= STEPS; k++) {
            double t = (double) k / STEPS;
            ns.add(1 + Math.round((last - 1) * t * t));
        }
        List<Limit> limits = ns.stream().map(n -> limitAt(overall, n)).toList();
        return new Chart(overall, List.copyOf(points), limits);
    }

    /** The 95% and 99.8% limits around {@code overall} at {@code n} patient-days. */
    public static Limit limitAt(double overall, long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        double se = Math.sqrt(overall * (1 - overall) / n);
        return new Limit(n, low(overall - Z95 * se), Math.min(1.0, overall + Z95 * se), low(overall - Z998 * se),
                Math.min(1.0, overall + Z998 * se));
    }

    private static double low(double value) {
        return Interval.tidy(Math.max(0.0, value));
    }
}
