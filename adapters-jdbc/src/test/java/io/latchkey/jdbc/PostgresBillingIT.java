package io.latchkey.jdbc;

import io.latchkey.billing.BillingContractTest;
import io.latchkey.store.Store;

/** The billing scenarios on Postgres. */
class PostgresBillingIT extends BillingContractTest {

    @Override
    protected Store newStore() {
        return Postgres.newStore();
    }
}
