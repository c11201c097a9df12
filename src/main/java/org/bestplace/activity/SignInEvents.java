package org.bestplace.activity;

import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.vertx.ext.web.Router;
import io.vertx.core.http.HttpMethod;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bestplace.web.ClientAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Sign-ins through the form and every failed attempt to sign in (form or HTTP Basic) go into
 * the activity log. Both are seen on the I/O thread, so the writing is handed to a worker. A
 * request that merely reuses a session, or a Basic call that succeeds, is not a sign-in.
 */
@ApplicationScoped
public class SignInEvents {

    static final String FORM_ACTION = "/j_security_check";

    @Inject
    ActivityLog log;

    /** Placed ahead of the authentication handler, which answers the form's post itself. */
    void register(@Observes Router router) {
        router.post(FORM_ACTION).order(Integer.MIN_VALUE).handler(this::formSignIn);
    }

    /**
     * The sign-in form's post: the answer tells how it went. A redirect to the error page is a
     * failure, any other redirect a sign-in.
     */
    void formSignIn(RoutingContext context) {
        if (context.request().method() == HttpMethod.POST) {
            context.addHeadersEndHandler(ignored -> {
                String username = context.request().getFormAttribute("j_username");
                if (username == null || username.isBlank()) {
                    return;
                }
                String location = context.response().headers().get("Location");
                boolean failed = context.response().getStatusCode() != 302 || location == null
                        || location.contains("error=");
                write(failed ? ActivityEvent.SIGN_IN_FAILED : ActivityEvent.SIGN_IN, username,
                        failed ? "Wrong username or password (sign-in form)" : "Signed in with the sign-in form",
                        address(context));
            });
        }
        context.next();
    }

    void failed(@Observes AuthenticationFailureEvent event) {
        RoutingContext context = context(event.getEventProperties());
        if (context == null) {
            return;
        }
        if (context.request().path().endsWith(FORM_ACTION)) {
            return;
        }
        String username = basicUsername(context.request().getHeader("Authorization"));
        if (username != null) {
            write(ActivityEvent.SIGN_IN_FAILED, username, "Wrong username or password (HTTP Basic on "
                    + context.request().path() + ")", address(context));
        }
    }

    private void write(ActivityEvent event, String username, String detail, String from) {
        String who = username.length() > 64 ? username.substring(0, 64) : username;
        Infrastructure.getDefaultWorkerPool().execute(() -> log.recordApart(event, who, null, detail, from));
    }

    private static RoutingContext context(Map<String, Object> properties) {
        return properties == null ? null : (RoutingContext) properties.get(RoutingContext.class.getName());
    }

    private static String address(RoutingContext context) {
        return ClientAddress.of(context.request());
    }

    /** The username of a Basic Authorization header, or null when there is none to read. */
    static String basicUsername(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
