package io.latchkey.device;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest known state of one alarm code of a device.
 *
 * @param code   the device's alarm code
 * @param active whether it is raised now
 * @param at     the device time of the report that set this state; older reports are ignored
 */
public record Alarm(String code, boolean active, Instant at) {
    public Alarm {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(at, "at");
    }
}
