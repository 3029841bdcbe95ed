package io.latchkey.jdbc;

import io.latchkey.device.DeviceContractTest;
import io.latchkey.store.Store;
import org.junit.jupiter.api.AfterEach;

/** The device scenarios on H2. */
class H2DeviceTest extends DeviceContractTest {

    @Override
    protected Store newStore() {
        return H2.newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        fx.close();
    }
}
