package org.bestplace.web;

/** The page a person sees when a request fails: title and detail, escaped, and a way back. */
final class ErrorPage {

    private ErrorPage() {
    }

    static String render(Problem problem) {
        String title = Html.escape(problem.title());
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + " — Bestplace</title></head><body><main><h1>" + title + "</h1><p>"
                + Html.escape(problem.detail()) + "</p><p><a href=\"/\">Back to the start</a></p></main></body></html>";
    }
}
