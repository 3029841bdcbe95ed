package io.latchkey.jdbc;

import io.latchkey.LongestInputsContractTest;
import io.latchkey.store.Store;
import org.junit.jupiter.api.AfterEach;

/** The longest inputs on H2. */
class H2LongestInputsTest extends LongestInputsContractTest {

    @Override
    protected Store newStore() {
        return H2.newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        fx.close();
    }
}
