package io.latchkey.jdbc;

import io.latchkey.device.DeviceContractTest;
import io.latchkey.store.Store;
import org.junit.jupiter.api.AfterEach;

/** The device scenarios on Postgres. */
class PostgresDeviceIT extends DeviceContractTest {

    @Override
    protected Store newStore() {
        return Postgres.newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        fx.close();
    }
}
