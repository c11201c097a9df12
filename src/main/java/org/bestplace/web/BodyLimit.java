package org.bestplace.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared body is over {@code quarkus.http.limits.max-body-size} with a
 * problem like every other refusal. Quarkus refuses it too, a step later, but with an empty body.
 */
@ApplicationScoped
public class BodyLimit {

    /** Just before Quarkus's own check of the declared length (order -2). */
    private static final int ORDER = -3;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        maxBodySize.ifPresent(limit -> {
            router.route().order(ORDER).handler(context -> check(context, limit.asLongValue()));
            router.route().order(ORDER).failureHandler(context -> tooLarge(context, limit.asLongValue()));
        });
    }

    /** A body sent in chunks, with no declared length, is read here and refused once it passes the limit. */
    private void readChunked(RoutingContext context, long limit) {
        io.vertx.ext.web.handler.BodyHandler.create(false).setBodyLimit(limit).setMergeFormAttributes(false)
                .handle(context);
    }

    private void tooLarge(RoutingContext context, long limit) {
        if (context.statusCode() != 413 || context.response().ended()) {
            context.next();
            return;
        }
        Problem problem = new Problem(413, "Request too large", "The request body is over the " + limit
                + " bytes accepted.", null, null);
        String body = VertxProblems.prepare(context, problem, json);
        context.response().putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ended -> context.request().connection().close()).end(body);
    }

    private void check(RoutingContext context, long limit) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (declared == null && "chunked".equalsIgnoreCase(context.request().getHeader(HttpHeaders.TRANSFER_ENCODING))) {
            readChunked(context, limit);
            return;
        }
        if (length <= limit) {
            context.next();
            return;
        }
        Problem problem = new Problem(413, "Request too large", "The request body is " + length + " bytes; at most "
                + limit + " are accepted.", null, null);
        String body = VertxProblems.prepare(context, problem, json);
        // The unread body is not drained: the connection closes once the answer is sent.
        context.response()
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ended -> context.request().connection().close())
                .end(body);
    }
}
