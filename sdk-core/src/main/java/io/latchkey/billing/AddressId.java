package io.latchkey.billing;

import io.latchkey.Id;
import java.util.Objects;
import java.util.UUID;

/** The id of a platform address. */
public record AddressId(UUID value) implements Id {
    public AddressId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the string form of {@link #toString()}; {@link IllegalArgumentException} if malformed. */
    public static AddressId parse(String value) {
        return new AddressId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
