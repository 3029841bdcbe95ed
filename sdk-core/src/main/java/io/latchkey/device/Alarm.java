package io.latchkey.device;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The latest known state of one alarm code of a device.
 *
 * @param code   the device's alarm code
 * @param active whether it is raised now
 * @param at     the device time of the report that set this state; older reports are ignored
 */
public record Alarm(String code, boolean active, Instant at) {

    /** What an alarm code may be: letters, digits, dot, dash and underscore, up to 32; stored as is. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    /** How many alarms a device keeps raised at once; and how many codes it remembers, raised or cleared. */
    public static final int MAX_RAISED = 32;
    static final int MAX_REMEMBERED = 64;

    public Alarm {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(at, "at");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("an alarm code is 1 to 32 of [A-Za-z0-9._-]");
        }
    }
}
