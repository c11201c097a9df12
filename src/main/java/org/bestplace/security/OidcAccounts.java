package org.bestplace.security;

import io.quarkus.oidc.TokenIntrospection;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bestplace.BestplaceConfig;
import org.bestplace.BestplaceConfig.Oidc.MatchBy;
import org.bestplace.activity.ActivityEvent;
import org.bestplace.activity.ActivityLog;
import org.bestplace.activity.SignInThrottle;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Finds the Bestplace user that a person signed in at a trust's identity provider stands for.
 * The provider vouches for who the person is; what they may do stays Bestplace's own, their
 * roles and audit memberships. No user is ever created here: a person the provider knows and
 * Bestplace does not is refused.
 */
@ApplicationScoped
public class OidcAccounts {

    @Inject
    BestplaceConfig config;

    @Inject
    ActivityLog activity;

    @Inject
    SignInThrottle throttle;

    /** The Bestplace user an identity stands for: name and service-wide roles. */
    public record Account(String username, Set<String> roles, boolean mustChangePassword) {
    }

    /** How an identity from the provider was matched: the claim's value, and the user if there is one. */
    public record Match(String claimValue, Optional<Account> account, String refusal) {
    }

    /** Looks the identity's configured claim up among Bestplace's users. */
    public Match match(SecurityIdentity identity) {
        BestplaceConfig.Oidc oidc = config.oidc();
        String claim = oidc.claimName();
        String value = claim(identity, claim);
        if (value == null || value.isBlank()) {
            return new Match(null, Optional.empty(), "The " + oidc.providerName() + " sign-in did not say who you"
                    + " are (the token has no '" + claim + "' claim). Ask the service's administrator to check the"
                    + " identity provider's settings.");
        }
        value = value.strip();
        if (oidc.matchBy() == MatchBy.EMAIL && Boolean.FALSE.equals(flag(identity, "email_verified"))) {
            return new Match(value, Optional.empty(), "The " + oidc.providerName() + " account's e-mail address "
                    + value + " is not verified, so it cannot stand for a Bestplace user.");
        }
        Optional<Found> found = find(oidc.matchBy(), value);
        if (found.isEmpty()) {
            return new Match(value, Optional.empty(), "There is no Bestplace user with the "
                    + (oidc.matchBy() == MatchBy.EMAIL ? "e-mail address " : "username ") + value
                    + ". Ask your audit lead or the administrator to add you, then sign in again.");
        }
        Account account = found.get().account();
        if (!found.get().active()) {
            return new Match(value, Optional.empty(), "The Bestplace user " + account.username()
                    + " has been deactivated. Ask the administrator if you need it again.");
        }
        // Whoever vouches for the person, a username locked by wrong guesses stays locked.
        if (throttle.locked(account.username())) {
            return new Match(value, Optional.empty(), "The Bestplace user " + account.username() + " is locked"
                    + " after too many failed sign-ins; try again in " + SignInThrottle.WINDOW.toMinutes()
                    + " minutes.");
        }
        return new Match(value, Optional.of(account), null);
    }

    record Found(Account account, boolean active) {
    }

    @Transactional
    Optional<Found> find(MatchBy matchBy, String value) {
        Optional<User> user = matchBy == MatchBy.EMAIL ? User.byEmail(value.toLowerCase(Locale.ROOT))
                : User.byUsername(value);
        return user.map(u -> new Found(new Account(u.username,
                u.roleSet().stream().map(Enum::name).collect(Collectors.toUnmodifiableSet()), u.passwordMustChange),
                u.isActive()));
    }

    /** Writes a refused identity into the activity log under the name the provider gave. */
    public void recordRefusal(Match match, String how, String from) {
        String who = match.claimValue() == null ? null
                : match.claimValue().length() > 64 ? match.claimValue().substring(0, 64) : match.claimValue();
        activity.recordApart(ActivityEvent.SIGN_IN_FAILED, who, null, "Refused " + how + " from "
                + config.oidc().providerName() + ": " + match.refusal(), from);
    }

    /** A claim of the token behind the identity: a signed token's own, or the provider's answer about an opaque one. */
    private static String claim(SecurityIdentity identity, String name) {
        Object value = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            value = token.getClaim(name);
        } else if (identity.getAttribute(OidcUtils.INTROSPECTION_ATTRIBUTE) instanceof TokenIntrospection about) {
            value = about.getString(name);
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        return value instanceof String text ? text : null;
    }

    private static Boolean flag(SecurityIdentity identity, String name) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        Object value = token.getClaim(name);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        return value instanceof JsonString text ? Boolean.valueOf(text.getString()) : null;
    }
}
