package io.latchkey.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The first outcome of a write command sent with an idempotency key.
 *
 * @param scope       who and what: e.g. {@code credential.issue/<partner id>}
 * @param key         the caller's key
 * @param requestHash a digest of the request, to refuse the same key for a different request
 * @param resultId    the id of what the first request created
 * @param createdAt   when it was recorded
 */
public record IdempotencyRecord(String scope, String key, String requestHash, String resultId, Instant createdAt) {
    public IdempotencyRecord {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(resultId, "resultId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
