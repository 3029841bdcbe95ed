package io.latchkey.jdbc;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.store.IdempotencyRecord;
import io.latchkey.store.IdempotencyRepository;
import io.latchkey.store.UniqueKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** The {@code idempotency_key} table, keyed by (scope, key). */
final class JdbiIdempotencyRepository implements IdempotencyRepository {

    private static final UniqueKey<IdempotencyRecord> KEY = new UniqueKey<>("idempotency_key_unique",
            r -> r.scope() + "\n" + r.key(), r -> LatchkeyException.of(ErrorCode.DUPLICATE, "idempotency key"));

    static final Table<IdempotencyRecord> TABLE = Table.<IdempotencyRecord>named("idempotency_key")
            .text("scope", IdempotencyRecord::scope)
            .text("idem_key", IdempotencyRecord::key)
            .text("request_hash", IdempotencyRecord::requestHash)
            .text("result_id", IdempotencyRecord::resultId)
            .time("created_at", IdempotencyRecord::createdAt)
            .unique(KEY)
            .reads(r -> new IdempotencyRecord(r.text("scope"), r.text("idem_key"), r.text("request_hash"),
                    r.text("result_id"), r.time("created_at")));

    private final Supplier<Handle> handle;

    JdbiIdempotencyRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    @Override
    public void insert(IdempotencyRecord record) {
        TABLE.insert(handle.get(), record);
    }

    @Override
    public int deleteMadeBefore(Instant cutoff, int limit) {
        return Table.bind(handle.get().createUpdate("DELETE FROM idempotency_key WHERE (scope, idem_key) IN "
                + "(SELECT scope, idem_key FROM idempotency_key WHERE created_at < :cutoff ORDER BY created_at "
                + "LIMIT :limit)"), Map.of("cutoff", cutoff, "limit", limit)).execute();
    }

    @Override
    public Optional<IdempotencyRecord> find(String scope, String key) {
        return TABLE.one(handle.get(), "WHERE scope = :scope AND idem_key = :key", Map.of("scope", scope, "key", key));
    }
}
