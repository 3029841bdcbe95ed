package io.latchkey.access;

import io.latchkey.Id;
import java.util.Objects;
import java.util.UUID;

/** The id of a member (a user of an organization). */
public record MemberId(UUID value) implements Id {
    public MemberId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the string form of {@link #toString()}; {@link IllegalArgumentException} if malformed. */
    public static MemberId parse(String value) {
        return new MemberId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
