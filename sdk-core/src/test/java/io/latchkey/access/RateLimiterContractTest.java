package io.latchkey.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.latchkey.ErrorCategory;
import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.time.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The contract of the {@link RateLimiter} port: what every implementation (in memory here, shared by nodes
 * later) must do. Implementations extend this class.
 */
public abstract class RateLimiterContractTest {

    protected static final Duration WINDOW = Duration.ofMinutes(15);
    private static final String KEY = "provision/source:203.0.113.7";

    protected final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    private final RateLimiter limiter = newLimiter(clock, 3, WINDOW);

    /** A limiter of the implementation under test, allowing {@code maxFailures} per key in {@code window}. */
    protected abstract RateLimiter newLimiter(Clock clock, int maxFailures, Duration window);

    @Test
    public void allowsUpToMaxFailuresThenRefuses() {
        for (int i = 0; i < 3; i++) {
            assertDoesNotThrow(() -> limiter.check(KEY), "after " + i + " failures");
            limiter.recordFailure(KEY);
        }
        LatchkeyException refused = assertThrows(LatchkeyException.class, () -> limiter.check(KEY));
        assertEquals(ErrorCode.TOO_MANY_ATTEMPTS, refused.code());
        assertEquals(ErrorCategory.RATE_LIMITED, refused.category());
        Duration retryAfter = refused.retryAfter().orElseThrow();
        assertTrue(!retryAfter.isNegative() && !retryAfter.isZero() && retryAfter.compareTo(WINDOW) <= 0,
                retryAfter::toString);
    }

    @Test
    public void theLimitIsExactlyMaxFailures() {
        qt().withExamples(50).forAll(integers().between(1, 20)).check(max -> {
            RateLimiter l = newLimiter(clock, max, WINDOW);
            for (int i = 0; i < max - 1; i++) {
                l.recordFailure(KEY);
            }
            l.check(KEY);
            l.recordFailure(KEY);
            try {
                l.check(KEY);
                return false;
            } catch (LatchkeyException e) {
                return e.code() == ErrorCode.TOO_MANY_ATTEMPTS;
            }
        });
    }

    @Test
    public void retryAfterRunsUntilTheOldestFailureLeavesTheWindow() {
        Instant start = clock.instant();
        for (int i = 0; i < 3; i++) {
            limiter.recordFailure(KEY);
            clock.advance(Duration.ofMinutes(1));
        }
        LatchkeyException refused = assertThrows(LatchkeyException.class, () -> limiter.check(KEY));
        assertEquals(Duration.between(clock.instant(), start.plus(WINDOW)), refused.retryAfter().orElseThrow());
        assertEquals(Duration.ofMinutes(12), refused.retryAfter().orElseThrow());
    }

    @Test
    public void allowsAgainOnceTheWindowHasPassed() {
        for (int i = 0; i < 3; i++) {
            limiter.recordFailure(KEY);
        }
        clock.advance(WINDOW.minusNanos(1));
        assertThrows(LatchkeyException.class, () -> limiter.check(KEY));

        clock.advance(Duration.ofNanos(1));
        assertDoesNotThrow(() -> limiter.check(KEY));
    }

    @Test
    public void theWindowSlides() {
        limiter.recordFailure(KEY);
        clock.advance(Duration.ofMinutes(10));
        limiter.recordFailure(KEY);
        limiter.recordFailure(KEY);
        assertThrows(LatchkeyException.class, () -> limiter.check(KEY));

        // The first failure leaves the window; the two later ones still count.
        clock.advance(Duration.ofMinutes(5));
        assertDoesNotThrow(() -> limiter.check(KEY));
        limiter.recordFailure(KEY);
        assertThrows(LatchkeyException.class, () -> limiter.check(KEY));
    }

    @Test
    public void resetClearsTheFailures() {
        for (int i = 0; i < 3; i++) {
            limiter.recordFailure(KEY);
        }
        limiter.reset(KEY);
        assertDoesNotThrow(() -> limiter.check(KEY));
        limiter.recordFailure(KEY);
        assertDoesNotThrow(() -> limiter.check(KEY));
    }

    @Test
    public void keysAreIndependent() {
        String other = "provision/source:198.51.100.9";
        for (int i = 0; i < 3; i++) {
            limiter.recordFailure(KEY);
        }
        assertThrows(LatchkeyException.class, () -> limiter.check(KEY));
        assertDoesNotThrow(() -> limiter.check(other));

        limiter.reset(other);
        assertThrows(LatchkeyException.class, () -> limiter.check(KEY));
    }

    @Test
    public void aKeyThatNeverFailedIsAllowed() {
        assertDoesNotThrow(() -> limiter.check("login/never-seen"));
    }

}
