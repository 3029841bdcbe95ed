package io.latchkey.jdbc;

import io.latchkey.license.LicenseContractTest;
import io.latchkey.store.Store;
import org.junit.jupiter.api.AfterEach;

/** The license scenarios on Postgres. */
class PostgresLicenseIT extends LicenseContractTest {

    @Override
    protected Store newStore() {
        return Postgres.newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        fx.close();
    }
}
