package org.bestplace.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The browser's anti-forgery token: the signed-in session's own random value (a new session, a
 * new token), kept in an HttpOnly, SameSite=Strict cookie and written into every form the
 * service renders ({@code {inject:csrf.token}}). A form post or a page-side JSON write is
 * accepted only when the value it carries is this session's and matches the cookie, which a page
 * on another site can neither read nor set. Before sign-in the token is a random one of the
 * browser's.
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {

    public static final String COOKIE = "bestplace-csrf";
    public static final String FIELD = "csrf-token";
    public static final String HEADER = "X-CSRF-Token";
    /** The identity attribute where the sign-in session puts its token. */
    public static final String SESSION_ATTRIBUTE = "bestplace.csrf-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    HttpServerRequest request;

    @Inject
    SecurityIdentity identity;

    private String token;
    private boolean issued;

    /** The token of this session, or before sign-in of this browser, made now when it has none yet. */
    public String token() {
        if (token == null) {
            String held = fromCookie();
            String session = sessionToken();
            if (session != null) {
                token = session;
                // Signed in again, or in another browser's session: hand over this session's token.
                issued = !session.equals(held);
            } else {
                token = held;
            }
            if (token == null) {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                issued = true;
            }
        }
        return token;
    }

    /** What a write must carry: the session's token, or the browser's own where nobody is signed in. */
    String expected() {
        String session = sessionToken();
        return session != null ? session : fromCookie();
    }

    private String sessionToken() {
        return identity.getAttribute(SESSION_ATTRIBUTE) instanceof String session ? session : null;
    }

    /** True when this request made a new token, which the response must then set as a cookie. */
    boolean issued() {
        return issued;
    }

    /** True when the browser reached the service over TLS (directly or, when configured, through a proxy). */
    boolean secure() {
        return "https".equalsIgnoreCase(request.scheme());
    }

    String fromCookie() {
        Cookie cookie = request.getCookie(COOKIE);
        if (cookie == null || !cookie.getValue().matches("[A-Za-z0-9_-]{43}")) {
            return null;
        }
        return cookie.getValue();
    }

    /** Compares in constant time, so the answer's timing tells nothing about the token. */
    static boolean matches(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return java.security.MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                given.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
