package org.bestplace.web;

/** The page a person sees when a request fails: title and detail, escaped, and a way back. */
final class ErrorPage {

    private ErrorPage() {
    }

    static String render(Problem problem) {
        String title = escape(problem.title());
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + " — Bestplace</title></head><body><main><h1>" + title + "</h1><p>"
                + escape(problem.detail()) + "</p><p><a href=\"/\">Back to the start</a></p></main></body></html>";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
