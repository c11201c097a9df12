package org.bestplace.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers with a problem from a Vert.x route, before any resource is reached: the error page for
 * a browser asking for HTML outside {@code /api}, problem+json for everyone else.
 */
final class VertxProblems {

    private VertxProblems() {
    }

    static boolean wantsPage(RoutingContext context) {
        return PageOrProblem.wantsPage(context.normalizedPath(),
                String.join(",", context.request().headers().getAll(HttpHeaders.ACCEPT)));
    }

    /** Sets the status, type and body; the caller ends the response with the returned body. */
    static String prepare(RoutingContext context, Problem problem, ObjectMapper json) {
        String type;
        String body;
        if (wantsPage(context)) {
            type = "text/html;charset=UTF-8";
            body = ErrorPage.render(problem);
        } else {
            type = Problem.MEDIA_TYPE;
            try {
                body = json.writeValueAsString(problem);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write a problem", e);
            }
        }
        context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, type);
        return body;
    }
}
