package org.bestplace.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.bestplace.web.ClientAddress;
import org.bestplace.web.UnknownAccountException;

/**
 * A program calling {@code /api} with a bearer token from the trust's identity provider acts as
 * the Bestplace user the token names, with that user's roles; a token naming no user is refused
 * with 403. Tokens from the browser sign-in (which carry an ID token) are left to
 * {@link LoginPages}, which hands the person over to the sign-in cookie.
 */
@ApplicationScoped
public class OidcBearerTokens implements SecurityIdentityAugmentor {

    @Inject
    OidcAccounts accounts;

    /** Ahead of anything else that reads the caller's name. */
    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return augment(identity, context, Map.of());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        if (identity.isAnonymous() || identity.getCredential(AccessTokenCredential.class) == null
                || identity.getCredential(IdTokenCredential.class) != null) {
            return Uni.createFrom().item(identity);
        }
        Object value = attributes == null ? null : attributes.get(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE);
        RoutingContext request = value instanceof RoutingContext routing ? routing : null;
        return context.runBlocking(() -> {
            OidcAccounts.Match match = accounts.match(identity);
            if (match.account().isEmpty()) {
                accounts.recordRefusal(match, "a bearer token" + (request == null ? "" : " on "
                        + request.request().path()), address(request));
                throw new UnknownAccountException(match.refusal());
            }
            OidcAccounts.Account account = match.account().get();
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(account.username()))
                    .addRoles(account.roles())
                    .addCredentials(identity.getCredentials())
                    .addAttributes(identity.getAttributes())
                    .addAttribute(PasswordChangeGate.ATTRIBUTE, account.mustChangePassword())
                    .build();
        });
    }

    private static String address(RoutingContext request) {
        return request == null ? null : ClientAddress.of(request.request());
    }
}
