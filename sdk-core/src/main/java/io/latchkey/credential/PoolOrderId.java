package io.latchkey.credential;

import io.latchkey.Id;
import java.util.Objects;
import java.util.UUID;

/** The id of a pool order. */
public record PoolOrderId(UUID value) implements Id {
    public PoolOrderId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the string form of {@link #toString()}; {@link IllegalArgumentException} if malformed. */
    public static PoolOrderId parse(String value) {
        return new PoolOrderId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
