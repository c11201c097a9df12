package org.bestplace.security;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bestplace.BestplaceConfig;

/**
 * Turns a local patient identifier into a keyed hash (HMAC-SHA256), so the same patient can be
 * recognised within an audit without the identifier ever being stored. Without the key the hash
 * cannot be recomputed from a guessed identifier.
 */
@Startup
@ApplicationScoped
public class Pseudonymiser {

    static final int MIN_KEY_LENGTH = 32;

    @Inject
    BestplaceConfig config;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        String secret = config.pseudonymisationKey().orElseThrow(() -> new IllegalStateException(
                "No pseudonymisation key: set BESTPLACE_PSEUDONYMISATION_KEY to a secret of at least "
                        + MIN_KEY_LENGTH + " characters (e.g. `openssl rand -base64 32`). Keep it with the "
                        + "database backups: without it, duplicate local identifiers can no longer be detected."));
        if (secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("The pseudonymisation key is too short: it needs at least "
                    + MIN_KEY_LENGTH + " characters.");
        }
        key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /**
     * The keyed hash of a local identifier within one audit. Case and spaces are ignored, and
     * the audit is part of the input, so the same patient in two audits cannot be linked.
     */
    public String hash(long auditId, String localId) {
        String normalised = localId.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((auditId + ":" + normalised).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
