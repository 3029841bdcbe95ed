package io.latchkey.device;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.store.InMemoryStore;
import io.latchkey.store.InMemoryStore.Table;
import io.latchkey.store.InMemoryStore.Unique;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link DeviceStore} in an {@link InMemoryStore}. */
final class InMemoryDeviceStore implements DeviceStore, DeviceRepository {

    private final Table<DeviceId, Device> devices;
    private final Unique<String, DeviceId, Device> serials;

    InMemoryDeviceStore(InMemoryStore store) {
        devices = store.table(Device::id, Device::version);
        serials = devices.unique(Device::serial,
                d -> LatchkeyException.ofField(ErrorCode.DEVICE_SERIAL_TAKEN, "serial", d.serial()));
    }

    @Override
    public DeviceRepository devices() {
        return this;
    }

    @Override
    public void insert(Device d) {
        devices.insert(d);
    }

    @Override
    public Device update(Device d) {
        return devices.update(d, d::withVersion);
    }

    @Override
    public Optional<Device> find(DeviceId id) {
        return devices.find(id);
    }

    @Override
    public Optional<Device> findBySerial(String serial) {
        return serials.find(serial);
    }

    @Override
    public List<Device> search(DeviceSearch q) {
        return devices.rows()
                .filter(d -> q.serialContains() == null || d.serial().contains(q.serialContains()))
                .filter(d -> q.status() == null || d.status() == q.status())
                .filter(d -> q.partner() == null || q.partner().equals(d.responsiblePartner()))
                .filter(d -> q.owner() == null || q.owner().equals(d.owner()))
                .filter(d -> q.afterSerial() == null || d.serial().compareTo(q.afterSerial()) > 0)
                .sorted(Comparator.comparing(Device::serial)).limit(q.limit()).toList();
    }
}
