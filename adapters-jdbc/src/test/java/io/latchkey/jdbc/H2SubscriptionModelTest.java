package io.latchkey.jdbc;

import io.latchkey.store.Store;
import io.latchkey.subscription.SubscriptionModelContractTest;

/** The subscription model check on H2: fewer sequences, each on a freshly migrated database. */
class H2SubscriptionModelTest extends SubscriptionModelContractTest {

    @Override
    protected Store newStore() {
        return H2.newStore();
    }

    @Override
    protected int examples() {
        return 40;
    }
}
