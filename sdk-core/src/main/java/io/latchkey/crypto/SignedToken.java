package io.latchkey.crypto;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A signed, expiring statement for links and tokens (provisioning, confirmation, password reset): a purpose,
 * a few claims and an expiry, signed with Ed25519 under the purpose as domain ({@code provision/}), so a token
 * made for one purpose is never good for another. Nothing needs storing to check one; whether it is still
 * unused is the caller's to decide from its own state (a generation, a "used" mark).
 *
 * <p>The payload is {@code v1|claim|claim|…|expiresEpochSecond}; claims may not contain {@code |}.
 *
 * @param purpose   what the token is for, e.g. {@code provision}
 * @param claims    what it says, e.g. ids and a generation
 * @param expiresAt when it stops being good (second precision)
 */
public record SignedToken(String purpose, List<String> claims, Instant expiresAt) {

    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public SignedToken {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("a purpose is 1 to 32 of [a-z0-9-], starting with a letter: " + purpose);
        }
        claims = List.copyOf(claims);
        for (String claim : claims) {
            if (claim.indexOf('|') >= 0) {
                throw new IllegalArgumentException("a claim may not contain '|': " + claim);
            }
        }
        expiresAt = Objects.requireNonNull(expiresAt, "expiresAt").truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** The token's string form, signed with {@code key}. The same token always signs to the same string. */
    public String sign(SigningKey key) {
        return Signatures.signCompact(key, purpose + "/", "v1|" + String.join("|",
                claims) + (claims.isEmpty() ? "" : "|")
                + expiresAt.getEpochSecond());
    }

    /**
     * The token in {@code text} if it was signed for {@code purpose} by one of the keys; empty if forged,
     * malformed or made for another purpose. Expired tokens are returned: see {@link #expiredAt(Instant)}.
     */
    public static Optional<SignedToken> open(String text, String purpose,
                                             Function<String, Optional<VerificationKey>> keys) {
        return Signatures.openCompact(text, purpose + "/", keys).flatMap(payload -> {
            List<String> parts = new ArrayList<>(Arrays.asList(payload.split("\\|", -1)));
            if (parts.size() < 2 || !parts.get(0).equals("v1")) {
                return Optional.empty();
            }
            try {
                Instant expires = Instant.ofEpochSecond(Long.parseLong(parts.get(parts.size() - 1)));
                return Optional.of(new SignedToken(purpose, parts.subList(1, parts.size() - 1), expires));
            } catch (RuntimeException malformed) {
                return Optional.empty();
            }
        });
    }

    /** Whether it has expired at {@code now}. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
