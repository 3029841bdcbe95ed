package io.latchkey.store;

/** The store contract on the in-memory store. */
class InMemoryStoreTest extends StoreContractTest {

    @Override
    protected Store newStore() {
        return InMemoryStore.create();
    }
}
