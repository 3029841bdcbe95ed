package io.latchkey.jdbc;

import io.latchkey.store.Store;
import io.latchkey.subscription.SubscriptionModelCheck;

/** The subscription model check on PostgreSQL: fewer sequences, each on a freshly migrated database. */
class PostgresSubscriptionModelIT extends SubscriptionModelCheck {

    @Override
    protected Store newStore() {
        return Postgres.newStore();
    }

    @Override
    protected int examples() {
        return 30;
    }
}
