package io.latchkey.crypto;

import java.time.Clock;
import java.util.UUID;

/**
 * Time-ordered UUIDv7 primary keys (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits, so that new
 * rows land at the end of an index. Within one millisecond (or if the clock steps back) the random part of
 * the previous id is incremented instead (RFC 9562, method 3), so ids from one generator strictly increase.
 *
 * <p>Thread-safe.
 */
public final class Ids {

    private static final long RAND_A_MASK = 0xFFFL;
    private static final long RAND_B_MASK = 0x3FFF_FFFF_FFFF_FFFFL;

    private final Clock clock;
    private final RandomSource random;
    private long lastMillis = Long.MIN_VALUE;
    private long lastRandA;
    private long lastRandB;

    public Ids(Clock clock, RandomSource random) {
        this.clock = clock;
        this.random = random;
    }

    /** A new UUIDv7, greater (as unsigned 128 bits) than every earlier one of this generator. */
    public synchronized UUID next() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            long r = random.nextLong();
            lastRandA = (r >>> 52) & RAND_A_MASK;
            lastRandB = random.nextLong() & RAND_B_MASK;
        } else {
            lastRandB = (lastRandB + 1) & RAND_B_MASK;
            if (lastRandB == 0) {
                lastRandA = (lastRandA + 1) & RAND_A_MASK;
                if (lastRandA == 0) {
                    lastMillis++;
                }
            }
        }
        long msb = (lastMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | lastRandA;
        long lsb = 0x8000_0000_0000_0000L | lastRandB;
        return new UUID(msb, lsb);
    }
}
