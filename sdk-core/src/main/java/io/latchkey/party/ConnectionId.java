package io.latchkey.party;

import io.latchkey.Id;
import java.util.Objects;
import java.util.UUID;

/** The id of a connection request. */
public record ConnectionId(UUID value) implements Id {
    public ConnectionId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the string form of {@link #toString()}; {@link IllegalArgumentException} if malformed. */
    public static ConnectionId parse(String value) {
        return new ConnectionId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
