package io.latchkey.jdbc;

import io.latchkey.store.Store;
import io.latchkey.store.StoreContractTest;
import org.junit.jupiter.api.AfterEach;

/** The store contract on Postgres. */
class PostgresStoreContractIT extends StoreContractTest {

    @Override
    protected Store newStore() {
        return Postgres.newStore();
    }

    @AfterEach
    void closeStore() {
        ((JdbcStore) store).close();
    }
}
