package io.latchkey.crypto;

import java.time.Clock;
import java.util.UUID;

/**
 * Time-ordered UUIDv7 primary keys (RFC 9562): 48 bits of Unix milliseconds, then random bits, so that
 * new rows land at the end of an index.
 *
 * <p>Thread-safe.
 */
public final class Ids {

    private final Clock clock;
    private final RandomSource random;

    public Ids(Clock clock, RandomSource random) {
        this.clock = clock;
        this.random = random;
    }

    /** A new UUIDv7. */
    public UUID next() {
        long millis = clock.millis();
        byte[] r = random.bytes(10);
        long msb = (millis & 0xFFFF_FFFF_FFFFL) << 16
                | 0x7000L
                | ((r[0] & 0x0FL) << 8) | (r[1] & 0xFFL);
        long lsb = 0;
        for (int i = 2; i < 10; i++) {
            lsb = (lsb << 8) | (r[i] & 0xFF);
        }
        lsb = (lsb & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
