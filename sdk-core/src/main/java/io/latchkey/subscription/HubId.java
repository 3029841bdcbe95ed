package io.latchkey.subscription;

import io.latchkey.Id;
import java.util.Objects;
import java.util.UUID;

/** The id of a hub (the central unit installed at a site). */
public record HubId(UUID value) implements Id {
    public HubId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the string form of {@link #toString()}; {@link IllegalArgumentException} if malformed. */
    public static HubId parse(String value) {
        return new HubId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
