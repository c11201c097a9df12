package org.bestplace.review;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which cases get a second, blind review. The choice is a hash of the case id, so it is the same
 * on every device and every run, and no reviewer can steer which patients are double-checked.
 */
public final class DualReview {

    private DualReview() {
    }

    /** True for a share {@code rate} (0 to 1) of case ids, the same ones every time. */
    public static boolean isSelected(long caseId, BigDecimal rate) {
        if (rate == null || rate.signum() <= 0) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("dual-review:" + caseId).getBytes(StandardCharsets.UTF_8));
            long bucket = ((digest[0] & 0xFFL) << 24 | (digest[1] & 0xFFL) << 16 | (digest[2] & 0xFFL) << 8
                    | (digest[3] & 0xFFL));
            return bucket < rate.doubleValue() * 4294967296.0;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
