package io.latchkey.license;

import io.latchkey.Id;
import java.util.Objects;
import java.util.UUID;

/** The id of a license (its public id; the code itself is secret). */
public record LicenseId(UUID value) implements Id {
    public LicenseId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the string form of {@link #toString()}; {@link IllegalArgumentException} if malformed. */
    public static LicenseId parse(String value) {
        return new LicenseId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
