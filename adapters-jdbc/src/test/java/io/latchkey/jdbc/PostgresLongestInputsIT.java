package io.latchkey.jdbc;

import io.latchkey.LongestInputsContractTest;
import io.latchkey.store.Store;
import org.junit.jupiter.api.AfterEach;

/** The longest inputs on PostgreSQL. */
class PostgresLongestInputsIT extends LongestInputsContractTest {

    @Override
    protected Store newStore() {
        return Postgres.newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        fx.close();
    }
}
