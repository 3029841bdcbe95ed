package io.latchkey.device;

import io.latchkey.store.InMemoryStore;
import io.latchkey.store.InMemoryStore.Index;
import io.latchkey.store.InMemoryStore.Table;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link DeviceStore} in an {@link InMemoryStore}. */
final class InMemoryDeviceStore implements DeviceStore {

    private final Devices devices;

    InMemoryDeviceStore(InMemoryStore store) {
        devices = new Devices(store);
    }

    private static final class Devices extends Table<DeviceId, Device> implements DeviceRepository {
        private final Index<String, DeviceId, Device> serials;

        Devices(InMemoryStore store) {
            super(store, Device::id, Device::version, Device::withVersion);
            serials = unique(SERIAL);
        }

        @Override
        public Optional<Device> findBySerial(String serial) {
            return serials.find(serial);
        }

        @Override
        public List<Device> search(DeviceSearch q) {
            return rows()
                    .filter(d -> q.serialContains() == null || d.serial().contains(q.serialContains()))
                    .filter(d -> q.status() == null || d.status() == q.status())
                    .filter(d -> q.partner() == null || q.partner().equals(d.responsiblePartner()))
                    .filter(d -> q.owner() == null || q.owner().equals(d.owner()))
                    .filter(d -> q.afterSerial() == null || d.serial().compareTo(q.afterSerial()) > 0)
                    .sorted(Comparator.comparing(Device::serial)).limit(q.limit()).toList();
        }
    }

    @Override
    public DeviceRepository devices() {
        return devices;
    }
}
