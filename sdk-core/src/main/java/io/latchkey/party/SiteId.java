package io.latchkey.party;

import io.latchkey.Id;
import java.util.Objects;
import java.util.UUID;

/** The id of a site (a trade object, premises). */
public record SiteId(UUID value) implements Id {
    public SiteId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the string form of {@link #toString()}; {@link IllegalArgumentException} if malformed. */
    public static SiteId parse(String value) {
        return new SiteId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
