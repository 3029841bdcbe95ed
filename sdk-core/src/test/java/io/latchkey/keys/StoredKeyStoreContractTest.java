package io.latchkey.keys;

import io.latchkey.crypto.KeyStore;
import io.latchkey.crypto.KeyStoreContractTest;
import io.latchkey.crypto.MasterKey;
import io.latchkey.crypto.RandomSource;
import io.latchkey.store.InMemoryStore;
import io.latchkey.time.MutableClock;

/** The key store contract on keys kept in the in-memory store. */
class StoredKeyStoreContractTest extends KeyStoreContractTest {

    @Override
    protected KeyStore keyStore() {
        return StoredKeyStore.open(InMemoryStore.create(), MasterKey.generate(RandomSource.seeded(2)),
                RandomSource.seeded(1), MutableClock.at("2026-11-27T10:00:00Z"));
    }

    @Override
    protected void rotate(KeyStore keys) {
        ((StoredKeyStore) keys).rotate();
    }
}
