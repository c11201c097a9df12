package org.bestplace.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A p-chart (Shewhart control chart for a proportion) of an audit's days, read the NHS "Making
 * Data Count" way: the centre is the proportion over all days, each day's limits are the centre
 * ± 3 standard errors at that day's n (so they step with the day's size), and only signals are
 * acted on.
 *
 * <p>Signals, as the API contract words them:
 * <ul>
 * <li>{@code OUTSIDE_LIMITS}: the day's proportion is strictly above its upper or below its lower limit;</li>
 * <li>{@code RUN}: on every point of a run of {@value #RUN} or more consecutive days on the same side
 * of the centre; a day exactly on the centre belongs to no side and ends a run;</li>
 * <li>{@code TREND}: on every point of {@value #TREND} or more consecutive days each strictly above
 * (or each strictly below) the day before it. Read as written, every point of the trend is itself a
 * rise (or fall) on its predecessor: a trend is 7 rises, so it spans 8 days, and the day it starts
 * from rises on nothing and carries no signal. (This is one day longer than the six points of
 * Making Data Count's own trend rule; the contract's wording wins.) An equal day ends a trend.</li>
 * </ul>
 * Sides and rises are decided on the exact counts (cross-multiplied), never on rounded proportions.
 * With fewer than {@value #FULL_LIMITS_DAYS} days the limits are trial limits: too few days to
 * trust the centre.
 */
public final class PChart {

    public static final int RUN = 7;
    public static final int TREND = 7;
    public static final int FULL_LIMITS_DAYS = 12;
    /** Three standard errors: the control limits of a Shewhart chart. */
    public static final double SIGMAS = 3.0;

    public enum Signal {
        OUTSIDE_LIMITS,
        RUN,
        TREND
    }

    /** Which way a signal points: above or below the limits or centre; rising or falling for a trend. */
    public enum Direction {
        ABOVE,
        BELOW,
        RISING,
        FALLING
    }

    /** One day: patient-days reviewed {@code n}, of which {@code notQualifying} did not qualify. */
    public record Day(LocalDate date, long n, long notQualifying) {
    }

    public record Point(LocalDate date, long n, long notQualifying, double proportion, double lower,
            double upper, List<Signal> signals) {
    }

    /**
     * One signal as a reader names it: a day outside the limits, or a whole run or trend, from its
     * first day to its last, over {@code days} points.
     */
    public record Stretch(Signal signal, Direction direction, LocalDate from, LocalDate to, int days) {
    }

    /** {@code centre} is null when there are no days; stretches in order of their first day. */
    public record Chart(Double centre, boolean trialLimits, List<Point> points, List<Stretch> stretches) {
    }

    private PChart() {
    }

    /** The chart of these days, taken in date order; each day needs at least one patient-day. */
    public static Chart of(List<Day> days) {
        List<Day> sorted = new ArrayList<>(days);
        sorted.sort(Comparator.comparing(Day::date));
        long totalN = 0;
        long totalNotQualifying = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Day day = sorted.get(i);
            if (day.n() <= 0 || day.notQualifying() < 0 || day.notQualifying() > day.n()) {
                throw new IllegalArgumentException("need 0 <= not qualifying <= n and n > 0, got "
                        + day.notQualifying() + " of " + day.n() + " on " + day.date());
            }
            if (i > 0 && sorted.get(i - 1).date().equals(day.date())) {
                throw new IllegalArgumentException(day.date() + " is given twice");
            }
            totalN += day.n();
            totalNotQualifying += day.notQualifying();
        }
        boolean trial = sorted.size() < FULL_LIMITS_DAYS;
        if (sorted.isEmpty()) {
            return new Chart(null, trial, List.of(), List.of());
        }
        double centre = (double) totalNotQualifying / totalN;
        int count = sorted.size();
        List<Set<Signal>> signals = new ArrayList<>();
        double[] lower = new double[count];
        double[] upper = new double[count];
        double[] proportion = new double[count];
        // side: +1 above the centre, -1 below, 0 on it; step: +1 a rise on the day before, -1 a fall, 0 neither.
        int[] side = new int[count];
        int[] step = new int[count];
        List<Stretch> stretches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Day day = sorted.get(i);
            signals.add(EnumSet.noneOf(Signal.class));
            double halfWidth = SIGMAS * Math.sqrt(centre * (1 - centre) / day.n());
            lower[i] = Interval.tidy(Math.max(0.0, centre - halfWidth));
            upper[i] = Math.min(1.0, centre + halfWidth);
            proportion[i] = (double) day.notQualifying() / day.n();
            side[i] = Long.signum(Math.multiplyExact(day.notQualifying(), totalN)
                    - Math.multiplyExact(totalNotQualifying, day.n()));
            if (i > 0) {
                Day before = sorted.get(i - 1);
                step[i] = Long.signum(Math.multiplyExact(day.notQualifying(), before.n())
                        - Math.multiplyExact(before.notQualifying(), day.n()));
            }
        }
        List<Stretch> outside = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (proportion[i] > upper[i] || proportion[i] < lower[i]) {
                signals.get(i).add(Signal.OUTSIDE_LIMITS);
                LocalDate date = sorted.get(i).date();
                outside.add(new Stretch(Signal.OUTSIDE_LIMITS, proportion[i] > upper[i] ? Direction.ABOVE
                        : Direction.BELOW, date, date, 1));
            }
        }
        stretches.addAll(outside);
        stretches.addAll(mark(sorted, side, RUN, Signal.RUN, Direction.ABOVE, Direction.BELOW, signals));
        stretches.addAll(mark(sorted, step, TREND, Signal.TREND, Direction.RISING, Direction.FALLING, signals));
        stretches.sort(Comparator.comparing(Stretch::from).thenComparing(Stretch::signal));
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Day day = sorted.get(i);
            points.add(new Point(day.date(), day.n(), day.notQualifying(), proportion[i], lower[i], upper[i],
                    List.copyOf(signals.get(i))));
        }
        return new Chart(centre, trial, List.copyOf(points), List.copyOf(stretches));
    }

    /**
     * Marks every point of each stretch of at least {@code length} equal, non-zero values of
     * {@code sign} with {@code signal}, and returns the stretches.
     */
    private static List<Stretch> mark(List<Day> days, int[] sign, int length, Signal signal, Direction up,
            Direction down, List<Set<Signal>> signals) {
        List<Stretch> found = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= sign.length; i++) {
            if (i == sign.length || sign[i] != sign[start]) {
                int stretchDays = i - start;
                if (sign[start] != 0 && stretchDays >= length) {
                    for (int j = start; j < i; j++) {
                        signals.get(j).add(signal);
                    }
                    found.add(new Stretch(signal, sign[start] > 0 ? up : down, days.get(start).date(),
                            days.get(i - 1).date(), stretchDays));
                }
                start = i;
            }
        }
        return found;
    }
}
