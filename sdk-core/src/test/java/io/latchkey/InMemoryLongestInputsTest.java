package io.latchkey;

import io.latchkey.store.InMemoryStore;
import io.latchkey.store.Store;

/** The longest inputs on the in-memory store. */
class InMemoryLongestInputsTest extends LongestInputsContractTest {

    @Override
    protected Store newStore() {
        return InMemoryStore.create();
    }
}
