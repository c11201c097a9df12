package org.bestplace.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.bestplace.web.DomainException;
import org.bestplace.web.PageOrProblem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Someone signed in with a temporary password an administrator gave them chooses their own before
 * anything else: every page leads to the change-password page, and the API answers 403 saying so,
 * except for reading {@code /api/me} and changing the password itself. The flag travels on the
 * identity, read with the user on every request (session, HTTP Basic or bearer token), so it
 * holds on every copy of the service and lifts at the first request after the change.
 */
public class PasswordChangeGate {

    /** The identity attribute: {@code true} while the user's password is a temporary one. */
    public static final String ATTRIBUTE = "bestplace.password-must-change";
    public static final String PAGE = "/account/password";

    /** What such a person may still reach: method and path. */
    private static final Set<String> OPEN = Set.of("GET " + PAGE, "POST " + PAGE, "GET /logout", "GET /login",
            "GET /api/me", "POST /api/me/password");

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter
    public Response check(ContainerRequestContext context) {
        if (identity.isAnonymous() || !Boolean.TRUE.equals(identity.getAttribute(ATTRIBUTE))) {
            return null;
        }
        String path = context.getUriInfo().getPath();
        if (OPEN.contains(context.getMethod() + " " + path)) {
            return null;
        }
        if (PageOrProblem.wantsPage(path, context.getHeaderString(HttpHeaders.ACCEPT))) {
            return Response.seeOther(URI.create(PAGE)).build();
        }
        throw new DomainException(403, "Password change needed", "Your password was set by an administrator and"
                + " must be replaced by one of your own first: POST /api/me/password with {oldPassword, newPassword},"
                + " or use the page " + PAGE + ". Until then only /api/me answers.", null, null);
    }
}
