package org.bestplace.web;

import java.util.Locale;

/**
 * Decides, once for every place that refuses a request, whether the caller is a person wanting
 * the error page or a program wanting problem+json: a page only outside {@code /api}, and only
 * when the Accept header prefers HTML to JSON. Wildcards name neither, so a script sending
 * {@code *}{@code /*} (or nothing) reads problem+json wherever it asked.
 */
public final class PageOrProblem {

    private PageOrProblem() {
    }

    public static boolean wantsPage(String path, String accept) {
        if (path == null || path.equals("/api") || path.startsWith("/api/") || accept == null) {
            return false;
        }
        double html = 0;
        double json = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, q);
            } else if (type.equals("application/json") || type.endsWith("+json")) {
                json = Math.max(json, q);
            }
        }
        return html > 0 && html >= json;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].strip();
            if (parameter.length() > 2 && (parameter.startsWith("q=") || parameter.startsWith("Q="))) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
