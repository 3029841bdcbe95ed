package io.latchkey.jdbc;

import io.latchkey.billing.BillingContractTest;
import io.latchkey.store.Store;

/** The billing scenarios on H2. */
class H2BillingTest extends BillingContractTest {

    @Override
    protected Store newStore() {
        return H2.newStore();
    }
}
