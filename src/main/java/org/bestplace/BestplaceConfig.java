package org.bestplace;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The service's own settings (prefix {@code bestplace}); the README lists them. */
@ConfigMapping(prefix = "bestplace")
public interface BestplaceConfig {

    /** True when the service runs on the embedded MariaDB it started itself. */
    @WithDefault("false")
    boolean embedded();

    /** Where the embedded database and generated keys live. */
    @WithDefault("data")
    String dataDir();

    /** Create the demo audit and users on first start; only ever with the embedded database. */
    Optional<Boolean> demo();

    /** Password of the user {@code admin} made at first start when there is no user. */
    Optional<String> adminPassword();

    /** HMAC-SHA256 key for local patient identifiers (base64 or any long secret). */
    Optional<String> pseudonymisationKey();

    /** The time zone of an audit created without one: its days are this zone's days. */
    @WithDefault("Europe/London")
    String defaultTimeZone();

    /** Folder of consensus criteria YAML files loaded at start. */
    @WithDefault("criteria")
    String criteriaDir();

    /** Publication exports hide counts from 1 to this number and round the rest to the nearest 5. */
    @WithDefault("7")
    int publicationThreshold();

    /** bcrypt cost of new password hashes (each step doubles the work of checking a password). */
    @WithDefault("10")
    int passwordHashCost();

    /** How long a sign-in lasts. */
    Session session();

    interface Session {

        /** A session unused this long ends. */
        @WithDefault("PT8H")
        Duration idleTimeout();

        /** A session ends this long after its sign-in, however busy; the sign-in cookie lasts as long. */
        @WithDefault("PT12H")
        Duration absoluteLifetime();
    }

    /** Sign-in through a trust's own identity provider (OpenID Connect); docs/oidc.md describes it. */
    Oidc oidc();

    interface Oidc {

        /** Off unless an operator switches it on; the provider itself is set with the quarkus.oidc keys. */
        @WithDefault("false")
        boolean enabled();

        /** The provider's name as staff know it, shown on the sign-in link ("Sign in with ..."). */
        @WithDefault("your organisation's account")
        String providerName();

        /** Which Bestplace field the provider's claim is compared with: the username or the e-mail address. */
        @WithDefault("username")
        MatchBy matchBy();

        /** The token claim that names the person; by default preferred_username, or email when matching by e-mail. */
        Optional<String> claim();

        default String claimName() {
            return claim().filter(c -> !c.isBlank())
                    .orElse(matchBy() == MatchBy.EMAIL ? "email" : "preferred_username");
        }

        enum MatchBy {
            USERNAME, EMAIL
        }
    }

    default boolean demoEnabled() {
        return embedded() && demo().orElse(true);
    }
}
