package io.latchkey.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A host's answer to a write request that carried an idempotency key, as stored: its status, content type and
 * body, the body sealed (it may hold a token or a signed document). {@code requestHash} tells a repeat of the
 * same request from another request with the same key.
 */
public record Reply(String scope, String key, String requestHash, int status, String contentType,
                    byte[] sealedBody, Instant createdAt) {

    public Reply {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(sealedBody, "sealedBody");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
