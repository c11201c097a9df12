package org.bestplace.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.FormAuthConfig;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.bestplace.BestplaceConfig;

/**
 * Issues the sign-in form's own session cookie, the same one the form mechanism reads back on
 * every page: same name, key, lifetime and flags. Sign-in through the trust's identity provider
 * ends here, so every page keeps a single kind of session.
 */
@ApplicationScoped
public class SignInCookie {

    @Inject
    VertxHttpConfig http;

    @Inject
    BestplaceConfig config;

    private volatile PersistentLoginManager manager;

    /** Without a fixed key the form mechanism makes up its own, which this class cannot know. */
    void check(@Observes StartupEvent event) {
        if (config.oidc().enabled() && http.encryptionKey().filter(k -> !k.isBlank()).isEmpty()) {
            throw new IllegalStateException("OIDC sign-in is on but QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY is not"
                    + " set: set it to a long random secret (e.g. `openssl rand -base64 32`), the same on every copy"
                    + " of the service.");
        }
    }

    /** Adds the session cookie for the user to the response. */
    public void issue(String username, RoutingContext context) {
        manager().save(username, context, http.auth().form().cookieName(), null, context.request().isSSL());
    }

    private PersistentLoginManager manager() {
        if (manager == null) {
            FormAuthConfig form = http.auth().form();
            manager = new PersistentLoginManager(http.encryptionKey().orElseThrow(), form.cookieName(),
                    form.timeout().toMillis(), form.newCookieInterval().toMillis(), form.httpOnlyCookie(),
                    form.cookieSameSite().name(), form.cookiePath().orElse(null),
                    form.cookieMaxAge().map(Duration::toSeconds).orElse(-1L), form.cookieDomain().orElse(null));
        }
        return manager;
    }
}
