package io.latchkey.credential;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the credential area behaves.
 *
 * @param publicUrl          base of provisioning links ({@code <publicUrl>/provision?token=…})
 * @param cooldown           how long a deactivated credential waits before it returns to the pool
 * @param nearlyEmptyShare   the partner's managers are told once the free credentials fall to this share of
 *                           the capacity (at least one credential)
 * @param maxOrderSize       the largest pool order
 */
public record CredentialSettings(URI publicUrl, Duration cooldown, double nearlyEmptyShare, int maxOrderSize) {

    public CredentialSettings {
        Objects.requireNonNull(publicUrl, "publicUrl");
        if (cooldown == null || cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must be zero or positive");
        }
        if (!(nearlyEmptyShare >= 0 && nearlyEmptyShare < 1)) {
            throw new IllegalArgumentException("nearlyEmptyShare must be in [0, 1)");
        }
        if (maxOrderSize < 1) {
            throw new IllegalArgumentException("maxOrderSize must be at least 1");
        }
    }

    /** No cool-down, a warning at 10 %, orders of up to 100 000. */
    public static CredentialSettings defaults(URI publicUrl) {
        return new CredentialSettings(publicUrl, Duration.ZERO, 0.10, 100_000);
    }

    public CredentialSettings withCooldown(Duration newCooldown) {
        return new CredentialSettings(publicUrl, newCooldown, nearlyEmptyShare, maxOrderSize);
    }

    /** The free count at or below which the pool is nearly empty. */
    long nearlyEmptyAt(long capacity) {
        return Math.max(1, (long) Math.ceil(capacity * nearlyEmptyShare));
    }
}
