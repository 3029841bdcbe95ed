package io.latchkey.device;

import io.latchkey.store.Port;

/**
 * The storage port of devices. Its repository must be used inside
 * {@link io.latchkey.store.Transactions#inTransaction}.
 */
@Port(inMemory = InMemoryDeviceStore.class)
public interface DeviceStore {

    DeviceRepository devices();
}
