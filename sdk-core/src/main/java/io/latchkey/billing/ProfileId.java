package io.latchkey.billing;

import io.latchkey.Id;
import java.util.Objects;
import java.util.UUID;

/** The id of a platform profile. */
public record ProfileId(UUID value) implements Id {
    public ProfileId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the string form of {@link #toString()}; {@link IllegalArgumentException} if malformed. */
    public static ProfileId parse(String value) {
        return new ProfileId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
