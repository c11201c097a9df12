package org.bestplace.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bestplace.BestplaceConfig;

/**
 * Opens, checks and ends sign-in sessions. Everything about a session is in the database, read
 * with its user on each request, so any copy of the service can end a session every other copy
 * then refuses.
 */
@ApplicationScoped
public class Sessions {

    /** The identity attribute that holds the request's {@link Live} session. */
    public static final String ATTRIBUTE = "bestplace.session";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    BestplaceConfig config;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    /**
     * A session found open: who it belongs to, its anti-forgery token, and whether its user must
     * change a temporary password before anything else.
     */
    public record Live(long id, String username, Set<String> roles, String csrfToken, boolean mustChangePassword,
            User user) {
    }

    /** A new session for the user; returns the token for the cookie (which is all the browser gets). */
    @Transactional
    public String open(User user) {
        Instant now = Instant.now();
        UserSession.forgetOldOf(user, now, config.session().absoluteLifetime());
        String token = randomToken();
        new UserSession(user, hash(token), randomToken(), now).persist();
        return token;
    }

    /** As above, for the user with this exact username. */
    @Transactional
    public String open(String username) {
        return open(User.byUsername(username).orElseThrow());
    }

    /**
     * The open session with this token, noting its use at most once a minute. Every signed-in
     * request asks, so the session and its user are read in one statement outside any transaction
     * (no transaction control sent with it); the note of use, at most once a minute, is a
     * transaction of its own.
     */
    @ActivateRequestContext
    public Optional<Live> live(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        BestplaceConfig.Session limits = config.session();
        return UserSession.readByTokenHash(dataSource, hash(token))
                .filter(s -> s.isLive(now, limits.idleTimeout(), limits.absoluteLifetime()))
                .map(s -> {
                    if (s.touch(now)) {
                        QuarkusTransaction.requiringNew().run(() -> UserSession.noteUse(s.id, now));
                    }
                    return new Live(s.id, s.user.username,
                            s.user.roleSet().stream().map(Enum::name).collect(Collectors.toUnmodifiableSet()),
                            s.csrfToken, s.user.passwordMustChange, s.user);
                });
    }

    /** Signing out: ends this one session. */
    @Transactional
    public void end(long sessionId) {
        UserSession session = UserSession.findById(sessionId);
        if (session != null) {
            session.end(Instant.now(), "SIGNED_OUT");
        }
    }

    /** Ends every session of the user, in the caller's transaction. */
    @Transactional
    public int endAll(User user, String reason) {
        return UserSession.endAllOf(user, Instant.now(), reason);
    }

    /** Ends every open session of the user except one (the one a password was changed in). */
    @Transactional
    public int endAllBut(User user, long keep, String reason) {
        return UserSession.endAllOfBut(user, keep, Instant.now(), reason);
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
