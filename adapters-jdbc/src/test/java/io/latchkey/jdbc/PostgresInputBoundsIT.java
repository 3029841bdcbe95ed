package io.latchkey.jdbc;

import io.latchkey.InputBoundsContractTest;
import io.latchkey.store.Store;
import org.junit.jupiter.api.AfterEach;

/** Input bounds on PostgreSQL. */
class PostgresInputBoundsIT extends InputBoundsContractTest {

    @Override
    protected Store newStore() {
        return Postgres.newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        fx.close();
    }
}
