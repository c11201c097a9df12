package org.bestplace.web;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/** Formatting helpers for pages: proportions as percentages with one decimal. */
@TemplateExtension
public class TemplateExtensions {

    public static String percentText(double proportion) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * proportion);
    }

    /** A 95% interval of a proportion, as "21.3% to 30.1%". */
    public static String rangeText(org.bestplace.debrief.Interval interval) {
        return interval == null ? "–" : percentText(interval.low()) + " to " + percentText(interval.high());
    }

    /** A statistic such as kappa with two decimals. */
    public static String twoPlaces(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
