package io.latchkey.license;

import io.latchkey.Id;
import java.util.Objects;
import java.util.UUID;

/** The id of an activation of a license on a device. */
public record ActivationId(UUID value) implements Id {
    public ActivationId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the string form of {@link #toString()}; {@link IllegalArgumentException} if malformed. */
    public static ActivationId parse(String value) {
        return new ActivationId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
