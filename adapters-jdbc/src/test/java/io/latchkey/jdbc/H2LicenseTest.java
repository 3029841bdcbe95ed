package io.latchkey.jdbc;

import io.latchkey.license.LicenseContractTest;
import io.latchkey.store.Store;
import org.junit.jupiter.api.AfterEach;

/** The license scenarios on H2. */
class H2LicenseTest extends LicenseContractTest {

    @Override
    protected Store newStore() {
        return H2.newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        fx.close();
    }
}
