package io.latchkey.jdbc;

import io.latchkey.device.DeviceModelContractTest;
import io.latchkey.store.Store;

/** The device model check on H2: fewer sequences, each on a freshly migrated database. */
class H2DeviceModelTest extends DeviceModelContractTest {

    @Override
    protected Store newStore() {
        return H2.newStore();
    }

    @Override
    protected int examples() {
        return 40;
    }
}
