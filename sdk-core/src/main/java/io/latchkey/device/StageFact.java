package io.latchkey.device;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing a stage added to a device's card, with who set it and when.
 *
 * @param field what it is
 * @param value its value: an ISO-8601 instant for dates, an organization id for the installer, else the text typed
 * @param setBy who set it ({@link io.latchkey.access.Actor#describe()})
 * @param setAt when
 */
public record StageFact(StageField field, String value, String setBy, Instant setAt) {

    public StageFact {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(setBy, "setBy");
        Objects.requireNonNull(setAt, "setAt");
    }
}
