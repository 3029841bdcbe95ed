package io.latchkey.store;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import java.util.Optional;

/** {@link IdempotencyRepository} in an {@link InMemoryStore}. */
final class InMemoryIdempotency implements IdempotencyRepository {

    private final InMemoryStore.Table<String, IdempotencyRecord> records;

    InMemoryIdempotency(InMemoryStore store) {
        this.records = store.table(r -> key(r.scope(), r.key()), null);
    }

    private static String key(String scope, String key) {
        return scope + "\n" + key;
    }

    @Override
    public void insert(IdempotencyRecord record) {
        if (records.find(key(record.scope(), record.key())).isPresent()) {
            throw LatchkeyException.of(ErrorCode.DUPLICATE, "idempotency key");
        }
        records.insert(record);
    }

    @Override
    public Optional<IdempotencyRecord> find(String scope, String key) {
        return records.find(key(scope, key));
    }
}
