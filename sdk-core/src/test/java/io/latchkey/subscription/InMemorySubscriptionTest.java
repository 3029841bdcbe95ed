package io.latchkey.subscription;

import io.latchkey.store.InMemoryStore;
import io.latchkey.store.Store;

/** The subscription scenarios on the in-memory store. */
class InMemorySubscriptionTest extends SubscriptionContractTest {

    @Override
    protected Store newStore() {
        return InMemoryStore.create();
    }
}
