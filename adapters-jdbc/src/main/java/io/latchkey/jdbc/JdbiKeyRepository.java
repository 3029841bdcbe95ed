package io.latchkey.jdbc;

import io.latchkey.keys.KeyRepository;
import io.latchkey.keys.StoredKey;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** The SDK's keys in the {@code crypto_key} table, wrapped under the master key. */
final class JdbiKeyRepository implements KeyRepository {

    static final Table<StoredKey> TABLE = Table.<StoredKey>named("crypto_key")
            .text("key_id", StoredKey::keyId)
            .text("kind", StoredKey::kind)
            .integer("generation", StoredKey::generation)
            .bytes("wrapped", StoredKey::wrapped)
            .time("created_at", StoredKey::createdAt)
            .unique(GENERATION)
            .reads(r -> new StoredKey(r.text("key_id"), r.enumOf("kind", StoredKey.Kind.class),
                    r.integer("generation"), r.bytes("wrapped"), r.time("created_at")));

    private final Supplier<Handle> handle;

    JdbiKeyRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    @Override
    public void insert(StoredKey key) {
        TABLE.insert(handle.get(), key);
    }

    @Override
    public List<StoredKey> all() {
        return TABLE.list(handle.get(), "ORDER BY kind, generation DESC", Map.of());
    }
}
