package io.latchkey.jdbc;

import io.latchkey.crypto.KeyStore;
import io.latchkey.crypto.KeyStoreContractTest;
import io.latchkey.crypto.MasterKey;
import io.latchkey.crypto.RandomSource;
import io.latchkey.keys.StoredKeyStore;
import io.latchkey.time.MutableClock;

/** The key store contract on keys kept in H2. */
class H2StoredKeyStoreTest extends KeyStoreContractTest {

    @Override
    protected KeyStore keyStore() {
        return StoredKeyStore.open(H2.newStore(), MasterKey.generate(RandomSource.seeded(2)), RandomSource.seeded(1),
                MutableClock.at("2026-11-27T10:00:00Z"));
    }

    @Override
    protected void rotate(KeyStore keys) {
        ((StoredKeyStore) keys).rotate();
    }
}
