package org.bestplace.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bestplace.web.CsrfToken;

/**
 * Every page request after sign-in: the sign-in cookie names a session, and the session, read
 * with its user from the database, names the person. An ended, expired or unknown session, or a
 * deactivated user, is refused and the browser is sent to the sign-in page.
 */
@ApplicationScoped
public class SessionSignIn implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    Sessions sessions;

    @Inject
    io.quarkus.vertx.http.runtime.VertxHttpConfig http;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
            AuthenticationRequestContext context) {
        io.vertx.ext.web.RoutingContext http = io.quarkus.vertx.http.runtime.security.HttpSecurityUtils
                .getRoutingContextAttribute(request);
        return context.runBlocking(() -> {
            Sessions.Live live = sessions.live(request.getPrincipal()).orElseThrow(() -> {
                forget(http);
                return new AuthenticationFailedException("The session has ended.");
            });
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(live.username()))
                    .addRoles(live.roles())
                    .addAttribute(Sessions.ATTRIBUTE, live)
                    .addAttribute(CurrentUser.ATTRIBUTE, live.user())
                    .addAttribute(CsrfToken.SESSION_ATTRIBUTE, live.csrfToken())
                    .addAttribute(PasswordChangeGate.ATTRIBUTE, live.mustChangePassword())
                    .build();
        });
    }

    /**
     * Expires the cookie of a session that has ended. Kept, it would be refused again on the sign-in
     * page it is sent to (every request is authenticated first), and the browser would go round
     * between the page it asked for and the sign-in page until it gave up.
     */
    private void forget(io.vertx.ext.web.RoutingContext http) {
        if (http != null && !http.response().headWritten()) {
            http.response().addCookie(io.vertx.core.http.Cookie.cookie(this.http.auth().form().cookieName(), "")
                    .setPath("/").setMaxAge(0).setHttpOnly(true).setSameSite(io.vertx.core.http.CookieSameSite.STRICT));
        }
    }
}
