package org.bestplace.security;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * A small OpenID provider of the test's own, standing in for a trust's identity provider:
 * discovery document, signing keys, an authorization endpoint whose "sign-in" is a form where
 * the person types who they are, and a token endpoint. Besides the authorization code it gives
 * tokens for the {@code password} grant, which is how a test gets a bearer token for a program
 * (for Bestplace, or with {@code audience} for another application).
 * Tokens are signed with an RSA key made at start.
 */
public class OpenIdProvider implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "bestplace";
    public static final String CLIENT_SECRET = "test-client-secret-0123456789-abcdefghij";
    public static final String KEY_ID = "test-provider-key";

    private HttpServer server;
    private RsaJsonWebKey key;
    private String issuer;
    /** Codes handed out and not yet exchanged: code to the claims of the person who signed in. */
    private final Map<String, Map<String, Object>> codes = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        try {
            key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(KEY_ID);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JoseException | IOException e) {
            throw new IllegalStateException("Cannot start the test's OpenID provider", e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realm";
        server.createContext("/realm/.well-known/openid-configuration", this::discovery);
        server.createContext("/realm/jwks", this::jwks);
        server.createContext("/realm/authorize", this::authorize);
        server.createContext("/realm/token", this::token);
        server.start();
        return Map.of("quarkus.oidc.auth-server-url", issuer);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A signed token for Bestplace with the usual registered claims and the given ones. */
    public static String sign(RsaJsonWebKey key, String issuer, Map<String, Object> claims) {
        return sign(key, issuer, CLIENT_ID, claims);
    }

    /** A signed token for the given audience. */
    public static String sign(RsaJsonWebKey key, String issuer, String audience, Map<String, Object> claims) {
        JwtClaims body = new JwtClaims();
        body.setIssuer(issuer);
        body.setAudience(audience);
        body.setIssuedAtToNow();
        body.setExpirationTimeMinutesInTheFuture(5);
        body.setGeneratedJwtId();
        claims.forEach(body::setClaim);
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(body.toJson());
        signature.setKey(key.getPrivateKey());
        signature.setKeyIdHeaderValue(key.getKeyId());
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return signature.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a person: the provider's own username for them, and their e-mail address. */
    static Map<String, Object> person(String username, String email) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString());
        claims.put("preferred_username", username);
        if (email != null && !email.isBlank()) {
            claims.put("email", email);
            claims.put("email_verified", true);
        }
        return claims;
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String json = """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],
                 "grant_types_supported":["authorization_code","password"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post"]}"""
                .formatted(issuer);
        send(exchange, 200, "application/json", json);
    }

    private void jwks(HttpExchange exchange) throws IOException {
        send(exchange, 200, "application/json",
                new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    }

    /** GET shows the sign-in form; POST signs the person in and sends the browser back with a code. */
    private void authorize(HttpExchange exchange) throws IOException {
        if ("GET".equals(exchange.getRequestMethod())) {
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))) {
                send(exchange, 400, "text/plain", "unknown client or response type");
                return;
            }
            StringBuilder page = new StringBuilder("<!doctype html><title>Trust sign-in</title>"
                    + "<form method=\"post\" action=\"/realm/authorize\">"
                    + "<label>Username <input name=\"username\" id=\"username\"></label>"
                    + "<label>E-mail <input name=\"email\" id=\"email\"></label>");
            for (String name : new String[] {"redirect_uri", "state", "nonce"}) {
                if (query.containsKey(name)) {
                    page.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                            .append(query.get(name).replace("&", "&amp;").replace("\"", "&quot;")).append("\">");
                }
            }
            page.append("<button type=\"submit\">Sign in</button></form>");
            send(exchange, 200, "text/html;charset=UTF-8", page.toString());
            return;
        }
        Map<String, String> posted = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, Object> claims = person(posted.get("username"), posted.get("email"));
        if (posted.get("nonce") != null) {
            claims.put("nonce", posted.get("nonce"));
        }
        claims.put("redirect_uri", posted.get("redirect_uri"));
        String code = UUID.randomUUID().toString();
        codes.put(code, claims);
        String location = posted.get("redirect_uri") + (posted.get("redirect_uri").contains("?") ? "&" : "?")
                + "code=" + code + (posted.get("state") == null ? ""
                        : "&state=" + URLEncoder.encode(posted.get("state"), StandardCharsets.UTF_8));
        exchange.getResponseHeaders().add("Location", location);
        send(exchange, 302, "text/plain", "");
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> posted = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!clientAuthenticated(exchange, posted)) {
            send(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        Map<String, Object> claims;
        boolean withIdToken;
        String audience = posted.getOrDefault("audience", CLIENT_ID);
        switch (String.valueOf(posted.get("grant_type"))) {
            case "authorization_code" -> {
                claims = codes.remove(String.valueOf(posted.get("code")));
                if (claims == null || !String.valueOf(claims.remove("redirect_uri")).equals(posted.get("redirect_uri"))) {
                    send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
                    return;
                }
                withIdToken = true;
            }
            case "password" -> {
                claims = person(posted.get("username"), posted.get("email"));
                withIdToken = false;
            }
            default -> {
                send(exchange, 400, "application/json", "{\"error\":\"unsupported_grant_type\"}");
                return;
            }
        }
        Map<String, Object> access = new HashMap<>(claims);
        access.remove("nonce");
        String json = "{\"access_token\":\"" + sign(key, issuer, audience, access) + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":300" + (withIdToken ? ",\"id_token\":\"" + sign(key, issuer, claims) + "\"" : "")
                + "}";
        send(exchange, 200, "application/json", json);
    }

    /** The client's id and secret, by HTTP Basic (as Quarkus sends them) or in the form. */
    private static boolean clientAuthenticated(HttpExchange exchange, Map<String, String> posted) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = CLIENT_ID + ":" + CLIENT_SECRET;
        if (header != null && header.startsWith("Basic ")) {
            return expected.equals(new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8));
        }
        return CLIENT_ID.equals(posted.get("client_id")) && CLIENT_SECRET.equals(posted.get("client_secret"));
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
