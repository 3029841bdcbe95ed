package io.latchkey;

import io.latchkey.store.InMemoryStore;
import io.latchkey.store.Store;

/** Input bounds on the in-memory store. */
class InMemoryInputBoundsTest extends InputBoundsContractTest {

    @Override
    protected Store newStore() {
        return InMemoryStore.create();
    }
}
