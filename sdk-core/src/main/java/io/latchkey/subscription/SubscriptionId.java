package io.latchkey.subscription;

import io.latchkey.Id;
import java.util.Objects;
import java.util.UUID;

/** The id of a subscription. */
public record SubscriptionId(UUID value) implements Id {
    public SubscriptionId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the string form of {@link #toString()}; {@link IllegalArgumentException} if malformed. */
    public static SubscriptionId parse(String value) {
        return new SubscriptionId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
