package org.bestplace.security;

import io.quarkus.vertx.http.runtime.FormAuthConfig;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Issues the sign-in form's own session cookie, the same one the form mechanism reads back on
 * every page: same name, key, lifetime and flags, naming a new {@link UserSession}. Sign-in
 * through the trust's identity provider ends here, so every page keeps a single kind of session.
 * {@link OidcSettings} makes sure the key is set.
 */
@ApplicationScoped
public class SignInCookie {

    @Inject
    VertxHttpConfig http;

    @Inject
    Sessions sessions;

    private volatile PersistentLoginManager manager;

    /** Opens a session for the user and adds its cookie to the response. */
    public void issue(String username, RoutingContext context) {
        String token = sessions.open(username);
        manager().save(token, context, http.auth().form().cookieName(), null, context.request().isSSL());
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
