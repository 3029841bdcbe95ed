package io.latchkey.subscription;

import io.latchkey.Id;
import java.util.Objects;
import java.util.UUID;

/** The id of a service package. */
public record PackageId(UUID value) implements Id {
    public PackageId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the string form of {@link #toString()}; {@link IllegalArgumentException} if malformed. */
    public static PackageId parse(String value) {
        return new PackageId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
