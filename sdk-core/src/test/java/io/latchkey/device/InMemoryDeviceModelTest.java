package io.latchkey.device;

import io.latchkey.store.InMemoryStore;
import io.latchkey.store.Store;

/** The device model check on the in-memory store. */
class InMemoryDeviceModelTest extends DeviceModelContractTest {

    @Override
    protected Store newStore() {
        return InMemoryStore.create();
    }
}
