package io.latchkey.party;

import io.latchkey.Id;
import java.util.Objects;
import java.util.UUID;

/** The id of a firm (a company's legal entity). */
public record FirmId(UUID value) implements Id {
    public FirmId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the string form of {@link #toString()}; {@link IllegalArgumentException} if malformed. */
    public static FirmId parse(String value) {
        return new FirmId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
