package io.latchkey.device;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.store.UniqueKey;
import io.latchkey.store.VersionedRows;
import java.util.List;
import java.util.Optional;

/**
 * Storage port for devices. Serial numbers are unique: inserting a taken one throws
 * {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#DEVICE_SERIAL_TAKEN}. Must be called
 * inside a transaction.
 */
public interface DeviceRepository extends VersionedRows<DeviceId, Device> {

    /** A serial is one device's. */
    UniqueKey<Device> SERIAL = new UniqueKey<>("device_serial_unique", Device::serial,
            d -> LatchkeyException.ofField(ErrorCode.DEVICE_SERIAL_TAKEN, "serial", d.serial()));

    Optional<Device> findBySerial(String serial);

    /** Devices matching every given criterion, by serial, after {@code search.afterSerial()}. */
    List<Device> search(DeviceSearch search);
}
