package org.bestplace.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bestplace.statistics.PChart.Direction;
import org.bestplace.statistics.PChart.Signal;
import org.bestplace.statistics.PChart.Stretch;
import org.junit.jupiter.api.Test;

class PChartTest {

    static final LocalDate FIRST = LocalDate.of(2027, 3, 1);

    static List<PChart.Day> days(long[][] counts) {
        List<PChart.Day> days = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            days.add(new PChart.Day(FIRST.plusDays(i), counts[i][0], counts[i][1]));
        }
        return days;
    }

    /*
     * Fourteen audit days, worked by hand. 400 patient-days, 80 not qualifying: centre 80/400 = 0.20.
     * A day's sigma is √(0.2 × 0.8 / n) = 0.4/√n, so its limits are 0.2 ± 1.2/√n, clipped to [0, 1]:
     *   n = 25: 0.2 ± 0.24 → [0 (−0.04 clipped), 0.44]
     *   n = 36: 0.2 ± 0.20 → [0 (0.0 itself),    0.40]
     *   n = 64: 0.2 ± 0.15 → [0.05,              0.35]
     *
     *  day  n   not q.  p       limits        side    signals
     *   1   25   6      0.24    0    – 0.44   above
     *   2   25   5      0.20    0    – 0.44   centre  (on the centre: breaks any run)
     *   3   36  16      0.4444  0    – 0.40   above   OUTSIDE_LIMITS (0.4444 > 0.40)
     *   4   25   3      0.12    0    – 0.44   below   RUN  ┐
     *   5   25   4      0.16    0    – 0.44   below   RUN  │
     *   6   25   2      0.08    0    – 0.44   below   RUN  │ seven in a row
     *   7   64   8      0.125   0.05 – 0.35   below   RUN  │ below the centre
     *   8   25   4      0.16    0    – 0.44   below   RUN  │
     *   9   25   3      0.12    0    – 0.44   below   RUN  │
     *  10   25   4      0.16    0    – 0.44   below   RUN  ┘
     *  11   25   5      0.20    0    – 0.44   centre  (breaks the run)
     *  12   25   4      0.16    0    – 0.44   below   (a run of one)
     *  13   25   7      0.28    0    – 0.44   above
     *  14   25   9      0.36    0    – 0.44   above
     * Sum of n: 12 × 25 + 36 + 64 = 400; sum not qualifying 80. The longest rise is two days
     * (12 → 13 → 14), so no trend. 14 days, so the limits are not trial limits.
     */
    static final long[][] FOURTEEN_DAYS = {
        {25, 6}, {25, 5}, {36, 16}, {25, 3}, {25, 4}, {25, 2}, {64, 8},
        {25, 4}, {25, 3}, {25, 4}, {25, 5}, {25, 4}, {25, 7}, {25, 9}};

    @Test
    void aHandWorkedAuditGivesItsCentreEveryDaysLimitsAndItsSignals() {
        PChart.Chart chart = PChart.of(days(FOURTEEN_DAYS));

        assertEquals(0.20, chart.centre(), 1e-12);
        assertFalse(chart.trialLimits(), "14 days are enough for limits");
        assertEquals(14, chart.points().size());
        double[][] limits = {
            {0, 0.44}, {0, 0.44}, {0, 0.40}, {0, 0.44}, {0, 0.44}, {0, 0.44}, {0.05, 0.35},
            {0, 0.44}, {0, 0.44}, {0, 0.44}, {0, 0.44}, {0, 0.44}, {0, 0.44}, {0, 0.44}};
        double[] proportions = {0.24, 0.20, 16.0 / 36, 0.12, 0.16, 0.08, 0.125, 0.16, 0.12, 0.16, 0.20, 0.16, 0.28,
            0.36};
        List<List<Signal>> signals = new ArrayList<>();
        signals.add(List.of());
        signals.add(List.of());
        signals.add(List.of(Signal.OUTSIDE_LIMITS));
        for (int day = 4; day <= 10; day++) {
            signals.add(List.of(Signal.RUN));
        }
        for (int day = 11; day <= 14; day++) {
            signals.add(List.of());
        }
        for (int i = 0; i < 14; i++) {
            PChart.Point point = chart.points().get(i);
            String day = "day " + (i + 1);
            assertEquals(FIRST.plusDays(i), point.date(), day);
            assertEquals(FOURTEEN_DAYS[i][0], point.n(), day);
            assertEquals(FOURTEEN_DAYS[i][1], point.notQualifying(), day);
            assertEquals(proportions[i], point.proportion(), 1e-12, day);
            assertEquals(limits[i][0], point.lower(), 1e-12, day + " lower");
            assertEquals(limits[i][1], point.upper(), 1e-12, day + " upper");
            assertEquals(signals.get(i), point.signals(), day);
        }

        assertEquals(List.of(
                new Stretch(Signal.OUTSIDE_LIMITS, Direction.ABOVE, FIRST.plusDays(2), FIRST.plusDays(2), 1),
                new Stretch(Signal.RUN, Direction.BELOW, FIRST.plusDays(3), FIRST.plusDays(9), 7)), chart.stretches());
    }

    /*
     * Nine days of 20 patient-days: 1, 2, 3, 4, 5, 6, 7, 8, 8 not qualifying (p = 0.05 … 0.40, 0.40).
     * "7 or more in a row each strictly above the one before" is read as written: each of the seven
     * points is higher than the point before it, so a trend is seven rises, eight days; the day it
     * rises from is below none and carries no signal. Days 2 to 8 each rise (7 rises): TREND.
     * Day 1 is the start, and day 9 equals day 8, which ends the trend.
     * Centre 44/180 = 0.2444; sigma √(0.2444 × 0.7556 / 20) = 0.0961, limits [0, 0.5327]: no point
     * outside. Days 1–4 are below the centre, 5–9 above: no run of 7. Nine days: trial limits.
     */
    @Test
    void sevenRisesInARowAreATrendOnTheSevenDaysThatRose() {
        PChart.Chart chart = PChart.of(days(new long[][] {
            {20, 1}, {20, 2}, {20, 3}, {20, 4}, {20, 5}, {20, 6}, {20, 7}, {20, 8}, {20, 8}}));

        assertEquals(44.0 / 180, chart.centre(), 1e-12);
        assertTrue(chart.trialLimits(), "nine days give trial limits");
        assertEquals(0.0, chart.points().get(0).lower(), 1e-12);
        assertEquals(44.0 / 180 + 3 * Math.sqrt(44.0 / 180 * (136.0 / 180) / 20), chart.points().get(0).upper(), 1e-12);
        assertEquals(0.5327, chart.points().get(0).upper(), 0.00005);
        List<List<Signal>> expected = new ArrayList<>();
        expected.add(List.of());
        for (int day = 2; day <= 8; day++) {
            expected.add(List.of(Signal.TREND));
        }
        expected.add(List.of());
        assertEquals(expected, chart.points().stream().map(PChart.Point::signals).toList());
        assertEquals(List.of(new Stretch(Signal.TREND, Direction.RISING, FIRST.plusDays(1), FIRST.plusDays(7), 7)),
                chart.stretches());
    }

    /* Seven days falling (6 falls: 9, 8, 7, 6, 5, 4, 3 of 20) are one fall short of a trend. */
    @Test
    void sixFallsAreNotATrend() {
        PChart.Chart chart = PChart.of(days(new long[][] {
            {20, 9}, {20, 8}, {20, 7}, {20, 6}, {20, 5}, {20, 4}, {20, 3}, {20, 5}}));
        assertTrue(chart.points().stream().allMatch(p -> p.signals().isEmpty()), chart.points().toString());

        PChart.Chart seven = PChart.of(days(new long[][] {
            {20, 10}, {20, 9}, {20, 8}, {20, 7}, {20, 6}, {20, 5}, {20, 4}, {20, 3}}));
        assertEquals(List.of(), seven.points().get(0).signals());
        assertEquals(List.of(Signal.TREND), seven.points().get(1).signals());
        assertEquals(Direction.FALLING, seven.stretches().get(0).direction());
    }

    /*
     * A point below the lower limit, and a day carrying two signals. Centre: 13 days of 100 with 20
     * not qualifying and one with 2 … worked: total n 1400, not qualifying 13 × 20 + 2 = 262,
     * centre 262/1400 = 0.187142857; at n = 100, sigma = √(0.187142857 × 0.812857143 / 100) = 0.039003,
     * limits 0.187143 ± 0.117008 → [0.070135, 0.304151]. Day 14 (0.02) is below it; days 1–13 (0.20)
     * are all above the centre: RUN on all thirteen; day 14 is outside. 14 days, not trial.
     */
    @Test
    void aPointBelowTheLowerLimitIsOutside() {
        long[][] counts = new long[14][];
        for (int i = 0; i < 13; i++) {
            counts[i] = new long[] {100, 20};
        }
        counts[13] = new long[] {100, 2};
        PChart.Chart chart = PChart.of(days(counts));
        assertEquals(262.0 / 1400, chart.centre(), 1e-12);
        assertEquals(0.070135, chart.points().get(13).lower(), 0.0000005);
        assertEquals(0.304151, chart.points().get(13).upper(), 0.0000005);
        assertEquals(List.of(Signal.OUTSIDE_LIMITS), chart.points().get(13).signals());
        assertEquals(List.of(Signal.RUN), chart.points().get(0).signals());
        assertEquals(new Stretch(Signal.OUTSIDE_LIMITS, Direction.BELOW, FIRST.plusDays(13), FIRST.plusDays(13), 1),
                chart.stretches().get(1));
    }

    @Test
    void elevenDaysGiveTrialLimitsAndTwelveDoNot() {
        long[][] eleven = new long[11][];
        long[][] twelve = new long[12][];
        for (int i = 0; i < 12; i++) {
            long[] day = {10, i % 3};
            if (i < 11) {
                eleven[i] = day;
            }
            twelve[i] = day;
        }
        assertTrue(PChart.of(days(eleven)).trialLimits());
        assertFalse(PChart.of(days(twelve)).trialLimits());
    }

    @Test
    void limitsStayInsideZeroAndOne() {
        // Centre 0.9 (18 of 20): at n = 4, 0.9 ± 3 × √(0.09/4) = 0.9 ± 0.45 → [0.45, 1 (1.35 clipped)].
        PChart.Chart chart = PChart.of(days(new long[][] {{4, 4}, {16, 14}}));
        assertEquals(0.9, chart.centre(), 1e-12);
        assertEquals(0.45, chart.points().get(0).lower(), 1e-12);
        assertEquals(1.0, chart.points().get(0).upper(), 1e-12);
    }

    @Test
    void noDaysNoCentreAndNonsenseIsRefused() {
        PChart.Chart empty = PChart.of(List.of());
        assertNull(empty.centre());
        assertTrue(empty.points().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> PChart.of(days(new long[][] {{0, 0}})));
        assertThrows(IllegalArgumentException.class, () -> PChart.of(days(new long[][] {{5, 6}})));
        assertThrows(IllegalArgumentException.class, () -> PChart.of(List.of(new PChart.Day(FIRST, 5, 1),
                new PChart.Day(FIRST, 5, 2))));
    }
}
