package org.bestplace.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A linear axis of the server-drawn charts: where a value falls, and round ticks to label. */
record ChartScale(double max, double from, double to) {

    /** The place on the page, from {@code from} (at 0) to {@code to} (at {@link #max}). */
    double at(double value) {
        return from + (to - from) * value / max;
    }

    /** A proportion axis: the top a little above the highest value, on a round 5 or 10 percent, at most 100%. */
    static double proportionTop(double highest) {
        double step = highest <= 0.3 ? 0.05 : 0.1;
        double top = Math.ceil((highest + 0.02) / step - 1e-9) * step;
        // Whole percents, so 6 × 0.1 is 0.6 and not 0.6000000000000001.
        return Math.min(1.0, Math.max(step, Math.round(top * 100) / 100.0));
    }

    /** Ticks of a proportion axis from 0 to {@code top}. */
    static List<Double> proportionTicks(double top) {
        double step = top <= 0.3 ? 0.05 : top <= 0.6 ? 0.1 : 0.2;
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i * step <= top + 1e-9; i++) {
            ticks.add(Math.round(i * step * 100) / 100.0);
        }
        return ticks;
    }

    /** Ticks of a count axis from 0 to {@code top}: steps of 1, 2 or 5 × a power of ten, at most about six. */
    static List<Long> countTicks(long top) {
        long step = 1;
        while (top / step > 6) {
            if (top / (step * 2) <= 6) {
                step *= 2;
            } else if (top / (step * 5) <= 6) {
                step *= 5;
            } else {
                step *= 10;
            }
        }
        List<Long> ticks = new ArrayList<>();
        for (long t = 0; t <= top; t += step) {
            ticks.add(t);
        }
        return ticks;
    }

    /** A coordinate, to one decimal place. */
    static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
