package io.latchkey.jdbc;

import io.latchkey.device.DeviceModelContractTest;
import io.latchkey.store.Store;

/** The device model check on PostgreSQL: fewer sequences, each on a freshly migrated database. */
class PostgresDeviceModelIT extends DeviceModelContractTest {

    @Override
    protected Store newStore() {
        return Postgres.newStore();
    }

    @Override
    protected int examples() {
        return 30;
    }
}
