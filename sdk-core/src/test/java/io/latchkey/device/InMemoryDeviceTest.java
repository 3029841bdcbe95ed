package io.latchkey.device;

import io.latchkey.store.InMemoryStore;
import io.latchkey.store.Store;

/** The device scenarios on the in-memory store. */
class InMemoryDeviceTest extends DeviceContractTest {

    @Override
    protected Store newStore() {
        return InMemoryStore.create();
    }
}
