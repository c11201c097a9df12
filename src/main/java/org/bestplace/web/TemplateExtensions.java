package org.bestplace.web;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/** Formatting helpers for pages: proportions as percentages with one decimal. */
@TemplateExtension
public class TemplateExtensions {

    public static String percentText(double proportion) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * proportion);
    }
}
