package io.latchkey.jdbc;

import io.latchkey.store.Store;
import io.latchkey.subscription.SubscriptionContractTest;
import org.junit.jupiter.api.AfterEach;

/** The subscription scenarios on Postgres. */
class PostgresSubscriptionIT extends SubscriptionContractTest {

    @Override
    protected Store newStore() {
        return Postgres.newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        fx.close();
    }
}
