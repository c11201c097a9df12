package org.bestplace.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guards the two ways an address used to hang a request. A path parameter ({@code /audits;x},
 * {@code ;jsessionid=}) is refused with 400 before anything else runs: Bestplace uses none, and
 * a ';' lets one address look like another to a path check. And the address the sign-in page
 * returns to, which Quarkus keeps in a cookie, has any character a cookie cannot hold (a ','
 * or '"' in the query) percent-encoded; Quarkus would otherwise fail writing the cookie and
 * never answer.
 */
@ApplicationScoped
public class PathGuard {

    /** Before authentication and every other handler. */
    private static final int ORDER = Integer.MIN_VALUE + 1;

    @ConfigProperty(name = "quarkus.http.auth.form.location-cookie", defaultValue = "quarkus-redirect-location")
    String locationCookie;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext context) {
        String uri = context.request().uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (path.indexOf(';') >= 0) {
            Problem problem = new Problem(400, "Bad address", "This address has a ';' in its path, which Bestplace"
                    + " does not use: remove the ';' and what follows it.", null, null);
            context.response().end(VertxProblems.prepare(context, problem, json));
            return;
        }
        context.addHeadersEndHandler(ended -> {
            Cookie location = context.response().removeCookie(locationCookie, false);
            if (location != null) {
                location.setValue(cookieSafe(location.getValue()));
                context.response().addCookie(location);
            }
        });
        context.next();
    }

    /** Percent-encodes every byte outside the characters RFC 6265 allows in a cookie value. */
    static String cookieSafe(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c <= 0x20 || c == '"' || c == ',' || c == ';' || c == '\\' || c >= 0x7F) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
