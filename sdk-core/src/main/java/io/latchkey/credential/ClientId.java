package io.latchkey.credential;

import io.latchkey.Id;
import java.util.Objects;
import java.util.UUID;

/** The id of a client. */
public record ClientId(UUID value) implements Id {
    public ClientId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the string form of {@link #toString()}; {@link IllegalArgumentException} if malformed. */
    public static ClientId parse(String value) {
        return new ClientId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
