package io.latchkey.license;

import io.latchkey.Id;
import java.util.Objects;
import java.util.UUID;

/** The id of a license document. */
public record DocumentId(UUID value) implements Id {
    public DocumentId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the string form of {@link #toString()}; {@link IllegalArgumentException} if malformed. */
    public static DocumentId parse(String value) {
        return new DocumentId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
