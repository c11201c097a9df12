package org.bestplace.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A 401 from the API says how to sign in: {@code WWW-Authenticate: Basic realm="Bestplace"}. With
 * Basic and bearer tokens both accepted on {@code /api}, Quarkus may leave the challenge out when no
 * identity provider is configured for tokens, and clients that wait to be asked before sending a
 * password (Power BI and Excel's "From Web", .NET, browsers) would then never send it.
 */
@ApplicationScoped
public class BasicChallenge {

    static final String HEADER = "WWW-Authenticate";
    static final String CHALLENGE = "Basic realm=\"Bestplace\", charset=\"UTF-8\"";

    /** Before authentication, beside {@link PathGuard}. */
    private static final int ORDER = Integer.MIN_VALUE + 2;

    void install(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::challenge);
    }

    void challenge(RoutingContext context) {
        context.addHeadersEndHandler(ended -> {
            if (context.response().getStatusCode() == 401 && context.response().headers().get(HEADER) == null) {
                context.response().putHeader(HEADER, CHALLENGE);
            }
        });
        context.next();
    }
}
