package io.latchkey.access;

import io.latchkey.Id;
import java.util.Objects;
import java.util.UUID;

/** The id of an organization. */
public record OrgId(UUID value) implements Id {
    public OrgId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the string form of {@link #toString()}; {@link IllegalArgumentException} if malformed. */
    public static OrgId parse(String value) {
        return new OrgId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
