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

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            Sessions.Live live = sessions.live(request.getPrincipal())
                    .orElseThrow(() -> new AuthenticationFailedException("The session has ended."));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(live.username()))
                    .addRoles(live.roles())
                    .addAttribute(Sessions.ATTRIBUTE, live)
                    .addAttribute(CsrfToken.SESSION_ATTRIBUTE, live.csrfToken())
                    .build();
        });
    }
}
