package io.latchkey.store;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import java.util.Optional;

/** {@link IdempotencyRepository} in an {@link InMemoryStore}, keyed by (scope, key). */
final class InMemoryIdempotency extends InMemoryStore.Table<String, IdempotencyRecord>
        implements IdempotencyRepository {

    InMemoryIdempotency(InMemoryStore store) {
        super(store, r -> key(r.scope(), r.key()));
    }

    private static String key(String scope, String key) {
        return scope + "\n" + key;
    }

    @Override
    public void insert(IdempotencyRecord record) {
        if (find(record.scope(), record.key()).isPresent()) {
            throw LatchkeyException.of(ErrorCode.DUPLICATE, "idempotency key");
        }
        super.insert(record);
    }

    @Override
    public Optional<IdempotencyRecord> find(String scope, String key) {
        return find(key(scope, key));
    }
}
