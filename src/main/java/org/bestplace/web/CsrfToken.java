package org.bestplace.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The browser's anti-forgery token: a random value kept in an HttpOnly, SameSite=Strict cookie
 * and written into every form the service renders ({@code {inject:csrf.token}}). A form post or
 * a page-side JSON write is accepted only when the value it carries matches the cookie, which a
 * page on another site can neither read nor set.
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {

    public static final String COOKIE = "bestplace-csrf";
    public static final String FIELD = "csrf-token";
    public static final String HEADER = "X-CSRF-Token";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    HttpServerRequest request;

    private String token;
    private boolean issued;

    /** The token of this browser, made now when it has none yet. */
    public String token() {
        if (token == null) {
            token = fromCookie();
            if (token == null) {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                issued = true;
            }
        }
        return token;
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
