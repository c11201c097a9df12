package org.bestplace.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * Refuses a write from the browser that does not carry the anti-forgery token: form posts in
 * the field {@value CsrfToken#FIELD}, JSON writes to pages (the tablet's outbox) in the header
 * {@value CsrfToken#HEADER}. The token must be the signed-in session's, so one taken from another
 * session (or an earlier sign-in) is refused. The JSON API under {@code /api} takes HTTP Basic credentials, not
 * the session cookie, so it needs no token.
 */
public class CsrfFilters {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    CsrfToken csrf;

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext context) {
        if (!WRITES.contains(context.getMethod()) || context.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        MediaType type = context.getMediaType();
        String given;
        if (type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            Object field = ((ResteasyReactiveRequestContext) context.getServerRequestContext())
                    .getFormParameter(CsrfToken.FIELD, true, false);
            given = field == null ? null : field.toString();
        } else {
            given = context.getHeaderString(CsrfToken.HEADER);
        }
        if (CsrfToken.matches(csrf.expected(), given) && CsrfToken.matches(csrf.fromCookie(), given)) {
            return null;
        }
        String detail = "This form is out of date or did not come from Bestplace. Go back, reload the page and"
                + " send it again.";
        boolean page = PageOrProblem.wantsPage(context.getUriInfo().getPath(),
                context.getHeaderString(jakarta.ws.rs.core.HttpHeaders.ACCEPT));
        return ProblemMapper.respond(page ? new Problem(403, "Form expired", detail, null, null)
                : new Problem(403, "Forbidden", detail, CsrfToken.FIELD, null), page);
    }

    /** Sets the cookie when this response is the first to hand the browser its token. */
    @ServerResponseFilter
    public void issue(ContainerResponseContext response) {
        if (csrf.issued()) {
            response.getHeaders().add("Set-Cookie", CsrfToken.COOKIE + "=" + csrf.token()
                    + "; Path=/; HttpOnly; SameSite=Strict" + (csrf.secure() ? "; Secure" : ""));
        }
    }
}
