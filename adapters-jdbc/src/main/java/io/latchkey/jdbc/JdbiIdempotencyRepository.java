package io.latchkey.jdbc;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.store.IdempotencyRecord;
import io.latchkey.store.IdempotencyRepository;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** The {@code idempotency_key} table, keyed by (scope, key). */
final class JdbiIdempotencyRepository implements IdempotencyRepository {

    private final Supplier<Handle> handle;

    JdbiIdempotencyRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    @Override
    public void insert(IdempotencyRecord r) {
        Sql.execute(handle.get().createUpdate("INSERT INTO idempotency_key (scope, idem_key, request_hash, result_id, "
                        + "created_at) VALUES (:scope, :key, :hash, :result, :createdAt)")
                .bind("scope", r.scope())
                .bind("key", r.key())
                .bind("hash", r.requestHash())
                .bind("result", r.resultId())
                .bind("createdAt", Sql.instant(r.createdAt())), Map.of("idempotency_key_unique", () -> duplicate()));
    }

    private static LatchkeyException duplicate() {
        return LatchkeyException.of(ErrorCode.DUPLICATE, "idempotency key");
    }

    @Override
    public Optional<IdempotencyRecord> find(String scope, String key) {
        return handle.get().createQuery("SELECT scope, idem_key, request_hash, result_id, created_at "
                        + "FROM idempotency_key WHERE scope = :scope AND idem_key = :key")
                .bind("scope", scope).bind("key", key)
                .map((rs, ctx) -> new IdempotencyRecord(rs.getString("scope"), rs.getString("idem_key"),
                        rs.getString("request_hash"), rs.getString("result_id"), Sql.instant(rs, "created_at")))
                .findOne();
    }
}
