package io.latchkey.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** Clock helpers. */
public final class Clocks {

    private Clocks() {
    }

    /**
     * A view of {@code clock} whose instants carry at most microseconds, as databases keep them, so that what
     * the SDK stores reads back equal. (The JDK's {@code Clock.tick} fails below a millisecond on Java 17.)
     */
    public static Clock microseconds(Clock clock) {
        return new MicrosecondClock(clock);
    }

    private static final class MicrosecondClock extends Clock {
        private final Clock base;

        MicrosecondClock(Clock base) {
            this.base = base;
        }

        @Override
        public Instant instant() {
            return base.instant().truncatedTo(ChronoUnit.MICROS);
        }

        @Override
        public long millis() {
            return base.millis();
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new MicrosecondClock(base.withZone(zone));
        }
    }
}
