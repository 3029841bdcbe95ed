package io.latchkey.credential;

import io.latchkey.store.InMemoryStore;
import io.latchkey.store.Store;

/** The credential pool model check on the in-memory store. */
class InMemoryCredentialPoolModelTest extends CredentialPoolModelContractTest {

    @Override
    protected Store newStore() {
        return InMemoryStore.create();
    }
}
