package io.latchkey.crypto;

/** The key store contract on the in-memory key store. */
class InMemoryKeyStoreTest extends KeyStoreContractTest {

    @Override
    protected KeyStore keyStore() {
        return InMemoryKeyStore.generate(RandomSource.seeded(1));
    }

    @Override
    protected void rotate(KeyStore keys) {
        ((InMemoryKeyStore) keys).rotate();
    }
}
