package io.latchkey.keys;

import io.latchkey.store.InMemoryStore;
import io.latchkey.store.InMemoryStore.Table;
import java.util.Comparator;
import java.util.List;

/** {@link KeyRepository} in an {@link InMemoryStore}. */
final class InMemoryKeyRepository extends Table<String, StoredKey> implements KeyRepository {

    InMemoryKeyRepository(InMemoryStore store) {
        super(store, StoredKey::keyId);
        unique(GENERATION);
    }

    @Override
    public List<StoredKey> all() {
        return rows().sorted(Comparator.comparing((StoredKey k) -> k.kind().name())
                .thenComparing(Comparator.comparingInt(StoredKey::generation).reversed())).toList();
    }
}
