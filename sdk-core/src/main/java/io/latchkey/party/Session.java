package io.latchkey.party;

import io.latchkey.access.CustomerId;
import io.latchkey.access.MemberId;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in session as stored: only the SHA-256 of its bearer token, never the token, so that a copy of the
 * database signs no one in. Exactly one of {@code member} and {@code customer} is set.
 */
public record Session(String tokenHash, MemberId member, CustomerId customer, Instant createdAt, Instant expiresAt) {

    public Session {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if ((member == null) == (customer == null)) {
            throw new IllegalArgumentException("a session is a member's or a customer's");
        }
    }
}
