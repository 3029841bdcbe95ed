package io.latchkey.device;

import io.latchkey.Id;
import java.util.Objects;
import java.util.UUID;

/** The id of a device (its internal key; the serial number is its public name). */
public record DeviceId(UUID value) implements Id {
    public DeviceId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the string form of {@link #toString()}; {@link IllegalArgumentException} if malformed. */
    public static DeviceId parse(String value) {
        return new DeviceId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
