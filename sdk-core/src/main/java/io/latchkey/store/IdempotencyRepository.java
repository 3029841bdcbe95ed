package io.latchkey.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Storage port for idempotency keys. (scope, key) is unique: inserting a taken pair throws
 * {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#DUPLICATE}. Must be called inside a
 * transaction.
 */
@Port(inMemory = InMemoryIdempotency.class)
public interface IdempotencyRepository {

    void insert(IdempotencyRecord record);

    Optional<IdempotencyRecord> find(String scope, String key);

    /** Deletes up to {@code limit} records made before {@code cutoff}, oldest first; returns how many. */
    int deleteMadeBefore(Instant cutoff, int limit);
}
