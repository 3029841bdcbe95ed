package io.latchkey.device;

import java.util.List;
import java.util.Optional;

/**
 * Storage port for devices. Serial numbers are unique: inserting a taken one throws
 * {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#DEVICE_SERIAL_TAKEN}. Must be called
 * inside a transaction.
 */
public interface DeviceRepository {

    void insert(Device device);

    /** Stores a changed device if its version is still the stored one; returns it with the new version. */
    Device update(Device device);

    Optional<Device> find(DeviceId id);

    Optional<Device> findBySerial(String serial);

    /** Devices matching every given criterion, by serial, after {@code search.afterSerial()}. */
    List<Device> search(DeviceSearch search);
}
