package org.bestplace.web;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;
import org.bestplace.debrief.Interval;

/**
 * Formatting helpers for pages, called as {@code {fig:percent(x)}}: proportions as percentages
 * with one decimal, statistics with two. A figure that does not exist prints the reason given, or
 * "no patient-days"; a missing interval prints "not estimable". Noise around zero prints as zero,
 * never "−0.00".
 */
@TemplateExtension(namespace = "fig")
public class TemplateExtensions {

    public static String percent(Double proportion) {
        return percentText(proportion);
    }

    /** A 95% interval of a proportion, as "21.3% to 30.1%". */
    public static String range(Interval interval) {
        return rangeText(interval);
    }

    /** A statistic such as kappa with two decimals. */
    public static String two(Double value) {
        return value == null ? Interval.NOT_ESTIMABLE : twoPlaces(value);
    }

    /** A kappa's interval, as "0.12 to 0.56", or "not estimable". */
    public static String kappaRange(Interval interval) {
        return interval == null ? Interval.NOT_ESTIMABLE : twoPlaces(interval.low()) + " to " + twoPlaces(interval.high());
    }

    /** The reason when there is one, else the interval. */
    public static String kappaInterval(Interval interval, String reason) {
        return interval == null && reason != null ? reason : kappaRange(interval);
    }

    public static String percentText(Double proportion) {
        if (proportion == null) {
            return Interval.NO_PATIENT_DAYS;
        }
        return String.format(Locale.ROOT, "%.1f%%", 100 * Interval.tidy(proportion.doubleValue()));
    }

    public static String rangeText(Interval interval) {
        return interval == null ? Interval.NOT_ESTIMABLE
                : percentText(interval.low()) + " to " + percentText(interval.high());
    }

    public static String twoPlaces(double value) {
        return String.format(Locale.ROOT, "%.2f", Interval.tidy(value));
    }
}
