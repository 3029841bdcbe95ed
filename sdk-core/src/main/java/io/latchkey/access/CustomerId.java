package io.latchkey.access;

import io.latchkey.Id;
import java.util.Objects;
import java.util.UUID;

/** The id of an end customer (a device's owner). */
public record CustomerId(UUID value) implements Id {
    public CustomerId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the string form of {@link #toString()}; {@link IllegalArgumentException} if malformed. */
    public static CustomerId parse(String value) {
        return new CustomerId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
