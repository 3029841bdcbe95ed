package io.latchkey.store;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
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

    @Override
    public int deleteMadeBefore(Instant cutoff, int limit) {
        List<IdempotencyRecord> old = rows().filter(r -> r.createdAt().isBefore(cutoff))
                .sorted(Comparator.comparing(IdempotencyRecord::createdAt)).limit(limit).toList();
        old.forEach(r -> delete(key(r.scope(), r.key())));
        return old.size();
    }
}
