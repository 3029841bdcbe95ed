package io.latchkey.access;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sliding-window {@link RateLimiter} in one JVM: at most {@code maxFailures} failures of a key within
 * {@code window}; the key is refused until its oldest counted failure leaves the window.
 *
 * <p>Thread-safe. Memory grows with the number of distinct failing keys in a window.
 */
public final class InMemoryRateLimiter implements RateLimiter {

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public InMemoryRateLimiter(Clock clock, int maxFailures, Duration window) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("need at least one failure over a positive window");
        }
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    @Override
    public void check(String key) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null) {
            return;
        }
        Instant now = clock.instant();
        synchronized (recent) {
            prune(recent, now);
            if (recent.size() >= maxFailures) {
                Duration retryAfter = Duration.between(now, recent.peekFirst().plus(window));
                throw LatchkeyException.rateLimited(ErrorCode.TOO_MANY_ATTEMPTS,
                        retryAfter.isNegative() ? Duration.ZERO : retryAfter);
            }
        }
    }

    @Override
    public void recordFailure(String key) {
        Instant now = clock.instant();
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent, now);
            recent.addLast(now);
        }
    }

    @Override
    public void reset(String key) {
        failures.remove(key);
    }

    private void prune(Deque<Instant> recent, Instant now) {
        Instant cutoff = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
            recent.removeFirst();
        }
    }
}
