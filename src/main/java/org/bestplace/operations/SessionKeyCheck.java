package org.bestplace.operations;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.bestplace.BestplaceConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sign-in cookie is encrypted with a key every copy of the service must share; left unset,
 * each copy would make up its own and a sign-in would work on one copy only. The embedded mode
 * keeps a generated key in its data folder; anywhere else the key must be configured.
 */
@Startup
@ApplicationScoped
public class SessionKeyCheck {

    static final int MIN_KEY_LENGTH = 32;
    static final String PROPERTY = "quarkus.http.auth.session.encryption-key";

    @Inject
    BestplaceConfig config;

    @ConfigProperty(name = PROPERTY)
    Optional<String> key;

    @PostConstruct
    void check() {
        problem(config.embedded(), key).ifPresent(message -> {
            throw new IllegalStateException(message);
        });
    }

    /** Why the service must not start with this key, if it must not. */
    static Optional<String> problem(boolean embedded, Optional<String> key) {
        if (embedded) {
            return Optional.empty();
        }
        String value = key.map(String::trim).orElse("");
        if (value.isEmpty()) {
            return Optional.of("No session encryption key: set QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY to a secret"
                    + " of at least " + MIN_KEY_LENGTH + " characters (e.g. `openssl rand -base64 32`), the same for"
                    + " every copy of the service, or sign-ins will not survive a move to another copy.");
        }
        if (value.length() < MIN_KEY_LENGTH) {
            return Optional.of("The session encryption key is too short: it needs at least " + MIN_KEY_LENGTH
                    + " characters.");
        }
        return Optional.empty();
    }
}
