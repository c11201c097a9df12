package org.bestplace.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionException;

/**
 * A token from the trust's identity provider for someone with no Bestplace user is refused
 * while the request is being authenticated, before any resource runs. Quarkus would answer
 * that with a bare 403; this says why, like every other refusal.
 */
@ApplicationScoped
public class RefusedIdentities {

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext context) {
        Throwable failure = context.failure();
        while (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (!(failure instanceof UnknownAccountException refused) || context.response().ended()) {
            context.next();
            return;
        }
        context.response().end(VertxProblems.prepare(context,
                new Problem(403, "Forbidden", refused.getMessage(), null, null), json));
    }
}
