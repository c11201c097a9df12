package org.bestplace.commissioning;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/** How the brief prints its figures: beds to one decimal, bed-days and money whole, with thousands marked. */
@TemplateExtension(namespace = "brief")
public class BriefFigures {

    public static String beds(Double value) {
        return value == null ? "–" : String.format(Locale.UK, "%,.1f", value);
    }

    public static String bedDays(Double value) {
        return value == null ? "–" : String.format(Locale.UK, "%,.0f", value);
    }

    public static String money(String currency, Double value) {
        return value == null ? "–" : currency + " " + String.format(Locale.UK, "%,.0f", value);
    }
}
