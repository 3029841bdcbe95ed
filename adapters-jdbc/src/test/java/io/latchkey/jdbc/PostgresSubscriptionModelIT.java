package io.latchkey.jdbc;

import io.latchkey.store.Store;
import io.latchkey.subscription.SubscriptionModelContractTest;

/** The subscription model check on PostgreSQL: fewer sequences, each on a freshly migrated database. */
class PostgresSubscriptionModelIT extends SubscriptionModelContractTest {

    @Override
    protected Store newStore() {
        return Postgres.newStore();
    }

    @Override
    protected int examples() {
        return 30;
    }
}
