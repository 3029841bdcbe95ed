package io.latchkey.subscription;

import io.latchkey.store.InMemoryStore;
import io.latchkey.store.Store;

/** The subscription model check on the in-memory store. */
class InMemorySubscriptionModelTest extends SubscriptionModelContractTest {

    @Override
    protected Store newStore() {
        return InMemoryStore.create();
    }
}
