package io.latchkey.credential;

import io.latchkey.Id;
import java.util.Objects;
import java.util.UUID;

/** The id of an issuance. */
public record IssuanceId(UUID value) implements Id {
    public IssuanceId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the string form of {@link #toString()}; {@link IllegalArgumentException} if malformed. */
    public static IssuanceId parse(String value) {
        return new IssuanceId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
