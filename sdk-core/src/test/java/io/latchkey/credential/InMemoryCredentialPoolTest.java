package io.latchkey.credential;

import io.latchkey.store.InMemoryStore;
import io.latchkey.store.Store;

/** The credential pool scenarios on the in-memory store. */
class InMemoryCredentialPoolTest extends CredentialPoolContractTest {

    @Override
    protected Store newStore() {
        return InMemoryStore.create();
    }
}
