package org.bestplace.operations;

import io.quarkus.micrometer.runtime.binder.vertx.HttpRequestMetric;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps the HTTP metrics' {@code uri} label to route templates. A request refused before it
 * reached a resource (signed out, a bad address, a body too large) has no template, and would
 * otherwise be recorded under its raw path: review UUIDs in labels, and junk paths using up the
 * label limit. Those are all recorded as {@value #UNMATCHED}.
 */
@ApplicationScoped
public class RouteLabels {

    static final String UNMATCHED = "/UNMATCHED";
    private static final String ROUTED = "bestplace.routed";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::label);
    }

    void label(RoutingContext context) {
        context.addHeadersEndHandler(ended -> {
            int status = context.response().getStatusCode();
            // 404 and redirects already get Quarkus's own fixed labels; a 2xx without a template is a static file.
            if (context.get(ROUTED) == null && status >= 400 && status != 404) {
                HttpRequestMetric metric = HttpRequestMetric.getRequestMetric(context);
                if (metric != null) {
                    metric.setTemplatePath(UNMATCHED);
                }
            }
        });
        context.next();
    }

    /** Runs once a resource has been matched: its template is the label. */
    @ServerRequestFilter
    public void routed(RoutingContext context) {
        context.put(ROUTED, Boolean.TRUE);
    }
}
