package org.bestplace.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bestplace.BestplaceConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With OIDC sign-in switched on, refuses to start until everything it needs is set, and says
 * what is missing, rather than starting with a sign-in link that can only fail.
 */
@ApplicationScoped
public class OidcSettings {

    @Inject
    BestplaceConfig config;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> issuer;

    @ConfigProperty(name = "quarkus.oidc.client-id")
    Optional<String> clientId;

    @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
    Optional<String> sessionKey;

    void check(@Observes StartupEvent event) {
        List<String> missing = missing(config.oidc().enabled(), issuer, clientId, sessionKey);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("OIDC sign-in is on (BESTPLACE_OIDC_ENABLED) but " + String.join(", ",
                    missing) + (missing.size() == 1 ? " is" : " are") + " not set; docs/oidc.md says what each is.");
        }
    }

    /**
     * The environment variables sign-in through the provider needs and does not have. The client's
     * own credentials are not among them: besides a secret, Quarkus offers signed-JWT client
     * authentication, configured under other keys.
     */
    static List<String> missing(boolean enabled, Optional<String> issuer, Optional<String> clientId,
            Optional<String> sessionKey) {
        List<String> missing = new ArrayList<>();
        if (!enabled) {
            return missing;
        }
        if (blank(issuer)) {
            missing.add("QUARKUS_OIDC_AUTH_SERVER_URL");
        }
        if (blank(clientId)) {
            missing.add("QUARKUS_OIDC_CLIENT_ID");
        }
        // The sign-in ends in the form's session cookie; without a fixed key only the form knows its key.
        if (blank(sessionKey)) {
            missing.add("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY");
        }
        return missing;
    }

    private static boolean blank(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isEmpty();
    }
}
