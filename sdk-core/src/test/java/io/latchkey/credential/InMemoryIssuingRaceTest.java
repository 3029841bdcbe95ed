package io.latchkey.credential;

import io.latchkey.store.InMemoryStore;
import io.latchkey.store.Store;

/** The issuing race check on the in-memory store, whose transactions take turns. */
class InMemoryIssuingRaceTest extends IssuingRaceContractTest {

    @Override
    protected Store newStore() {
        return InMemoryStore.create();
    }
}
