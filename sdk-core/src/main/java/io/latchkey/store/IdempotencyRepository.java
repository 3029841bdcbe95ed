package io.latchkey.store;

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
}
