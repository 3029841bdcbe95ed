package io.latchkey.access;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The rate limiter contract on the in-memory limiter, and its own argument checks. */
class InMemoryRateLimiterTest extends RateLimiterContractTest {

    @Override
    protected RateLimiter newLimiter(Clock clock, int maxFailures, Duration window) {
        return new InMemoryRateLimiter(clock, maxFailures, window);
    }

    @Test
    void refusesAMeaninglessConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new InMemoryRateLimiter(clock, 0, WINDOW));
        assertThrows(IllegalArgumentException.class, () -> new InMemoryRateLimiter(clock, 3, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new InMemoryRateLimiter(clock, 3, Duration.ofSeconds(-1)));
    }
}
