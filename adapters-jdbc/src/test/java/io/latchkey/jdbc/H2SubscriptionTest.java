package io.latchkey.jdbc;

import io.latchkey.store.Store;
import io.latchkey.subscription.SubscriptionContractTest;
import org.junit.jupiter.api.AfterEach;

/** The subscription scenarios on H2. */
class H2SubscriptionTest extends SubscriptionContractTest {

    @Override
    protected Store newStore() {
        return H2.newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        fx.close();
    }
}
