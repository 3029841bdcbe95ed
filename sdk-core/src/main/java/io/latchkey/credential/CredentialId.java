package io.latchkey.credential;

import io.latchkey.Id;
import java.util.Objects;
import java.util.UUID;

/** The id of a credential (its internal key; the label is its public name). */
public record CredentialId(UUID value) implements Id {
    public CredentialId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the string form of {@link #toString()}; {@link IllegalArgumentException} if malformed. */
    public static CredentialId parse(String value) {
        return new CredentialId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
