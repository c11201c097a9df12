package org.bestplace.activity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bestplace.operations.ServiceClock;

/**
 * Refuses a sign-in, even with the right password, once a username has had {@value #LIMIT}
 * failed attempts within {@link #WINDOW} since its last sign-in. The failures are the activity
 * log's, so every copy of the service behind a load balancer sees the same count. Only fresh
 * passwords are checked (the sign-in form and HTTP Basic); a browser already signed in keeps
 * its session, and a sign-in vouched for by the trust's identity provider is that provider's to
 * throttle.
 */
@ApplicationScoped
public class SignInThrottle implements SecurityIdentityAugmentor {

    @Inject
    ServiceClock clock;

    public static final int LIMIT = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    @Inject
    EntityManager em;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        if (identity.isAnonymous() || !freshCredentials(attributes)) {
            return Uni.createFrom().item(identity);
        }
        String username = identity.getPrincipal().getName();
        return context.runBlocking(() -> {
            if (recentFailures(username) >= LIMIT) {
                throw new AuthenticationFailedException("Too many failed sign-ins; try again later.");
            }
            return identity;
        });
    }

    /** Failed attempts for the username in the window, counting only those after its last sign-in. */
    @Transactional
    public long recentFailures(String username) {
        Instant since = clock.now().minus(WINDOW);
        Number count = (Number) em.createNativeQuery("""
                select count(*) from activity_log f
                where f.username = :username and f.event = 'SIGN_IN_FAILED' and f.occurred_at > :since
                  and f.occurred_at > coalesce((select max(s.occurred_at) from activity_log s
                                                where s.username = :username and s.event = 'SIGN_IN'),
                                               :since)""")
                .setParameter("username", username).setParameter("since", since).getSingleResult();
        return count.longValue();
    }

    private static boolean freshCredentials(Map<String, Object> attributes) {
        Object value = attributes == null ? null : attributes.get(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE);
        if (!(value instanceof RoutingContext context)) {
            return false;
        }
        String authorization = context.request().getHeader("Authorization");
        return context.request().path().endsWith(SignInEvents.FORM_ACTION)
                || authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }
}
