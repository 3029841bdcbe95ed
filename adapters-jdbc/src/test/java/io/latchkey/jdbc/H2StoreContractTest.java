package io.latchkey.jdbc;

import io.latchkey.store.Store;
import io.latchkey.store.StoreContractTest;
import org.junit.jupiter.api.AfterEach;

/** The store contract on H2. */
class H2StoreContractTest extends StoreContractTest {

    @Override
    protected Store newStore() {
        return H2.newStore();
    }

    @AfterEach
    void closeStore() {
        ((JdbcStore) store).close();
    }
}
