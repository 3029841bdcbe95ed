package io.latchkey.jdbc;

import io.latchkey.InputBoundsContractTest;
import io.latchkey.store.Store;
import org.junit.jupiter.api.AfterEach;

/** Input bounds on H2. */
class H2InputBoundsTest extends InputBoundsContractTest {

    @Override
    protected Store newStore() {
        return H2.newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        fx.close();
    }
}
