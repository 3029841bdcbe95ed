package io.latchkey.billing;

import io.latchkey.store.InMemoryStore;
import io.latchkey.store.Store;

/** The billing scenarios on the in-memory store. */
class InMemoryBillingTest extends BillingContractTest {

    @Override
    protected Store newStore() {
        return InMemoryStore.create();
    }
}
