package io.latchkey.limits;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.latchkey.ErrorCategory;
import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.crypto.InMemoryKeyStore;
import io.latchkey.crypto.RandomSource;
import io.latchkey.crypto.Sealer;
import io.latchkey.store.Store;
import io.latchkey.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of counting attempts in a store ({@link StoredRateLimiter} over the {@link AttemptRepository}
 * port): every store must pass it. Implementations extend this class and make a new, empty store.
 */
public abstract class RateLimiterContractTest {

    private static final String SOURCE = "203.0.113.7";

    protected final MutableClock clock = MutableClock.at("2026-11-27T10:00:00Z");
    private final Sealer sealer = new Sealer(InMemoryKeyStore.generate(RandomSource.seeded(7)),
            RandomSource.seeded(8));
    protected Store store;
    private final List<Store> opened = new ArrayList<>();
    private StoredRateLimiter limiter;

    /** A new, empty store of the implementation under test. */
    protected abstract Store newStore();

    /**
     * Another node's store on the same database as {@link #store} (its own connection pool, where there is one);
     * the in-memory store has no other node than itself. Closed after each test, like {@link #store}.
     */
    protected Store anotherNode() {
        return store;
    }

    @AfterEach
    void closeStores() throws Exception {
        for (Store opened : opened) {
            if (opened instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    @BeforeEach
    void setUp() {
        store = newStore();
        limiter = node(store);
    }

    /** A limiter on {@code store} with the deployment's keys: one node of several on one database. */
    private StoredRateLimiter node(Store on) {
        if (!opened.contains(on)) {
            opened.add(on);
        }
        return new StoredRateLimiter(on, sealer, clock);
    }

    @Test
    public void countsUpToTheBudgetThenRefusesUntilTheWindowEnds() {
        for (int i = 1; i <= 20; i++) {
            assertEquals(i, limiter.attempt(Limit.SIGN_IN_SOURCE, SOURCE));
        }
        clock.advance(Duration.ofMinutes(4));
        LatchkeyException refused = refused(ErrorCode.TOO_MANY_ATTEMPTS,
                () -> limiter.attempt(Limit.SIGN_IN_SOURCE, SOURCE));
        assertEquals(ErrorCategory.RATE_LIMITED, refused.category());
        assertEquals(Duration.ofMinutes(11), refused.retryAfter().orElseThrow());

        clock.advance(Duration.ofMinutes(11).minusNanos(1000));
        refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> limiter.attempt(Limit.SIGN_IN_SOURCE, SOURCE));
        clock.advance(Duration.ofNanos(1000));
        assertEquals(1, limiter.attempt(Limit.SIGN_IN_SOURCE, SOURCE), "a new window");
    }

    @Test
    public void everyLimitAllowsExactlyItsBudget() {
        for (Limit limit : Limit.values()) {
            for (int i = 0; i < limit.maxAttempts(); i++) {
                limiter.attempt(limit, SOURCE);
            }
            refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> limiter.attempt(limit, SOURCE));
        }
    }

    @Test
    public void aRefusedAttemptIsNotCounted() {
        for (int i = 0; i < 5; i++) {
            limiter.attempt(Limit.MAIL_TO_ADDRESS, "victim@example.test");
        }
        for (int i = 0; i < 50; i++) {
            refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> limiter.attempt(Limit.MAIL_TO_ADDRESS, "victim@example.test"));
        }
        clock.advance(Duration.ofHours(1));
        for (int i = 1; i <= 5; i++) {
            assertEquals(i, limiter.attempt(Limit.MAIL_TO_ADDRESS, "victim@example.test"));
        }
    }

    @Test
    public void theWindowStartsAtTheFirstAttempt() {
        Instant first = clock.instant();
        limiter.attempt(Limit.PASSWORD_CHANGE, "member-1");
        clock.advance(Duration.ofMinutes(10));
        for (int i = 0; i < 9; i++) {
            limiter.attempt(Limit.PASSWORD_CHANGE, "member-1");
        }
        clock.advance(Duration.ofMinutes(2));
        LatchkeyException refused = refused(ErrorCode.TOO_MANY_ATTEMPTS,
                () -> limiter.attempt(Limit.PASSWORD_CHANGE, "member-1"));
        assertEquals(Duration.between(clock.instant(), first.plus(Duration.ofMinutes(15))),
                refused.retryAfter().orElseThrow());
        assertEquals(Duration.ofMinutes(3), refused.retryAfter().orElseThrow());
    }

    @Test
    public void aGoodAttemptIsUncounted() {
        for (int i = 0; i < 100; i++) {
            assertEquals(1, limiter.attempt(Limit.DEVICE_SIGN_IN, SOURCE));
            limiter.uncount(Limit.DEVICE_SIGN_IN, SOURCE);
        }
        for (int i = 0; i < 9; i++) {
            limiter.attempt(Limit.DEVICE_SIGN_IN, SOURCE);
        }
        limiter.uncount(Limit.DEVICE_SIGN_IN, SOURCE);
        assertEquals(9, limiter.attempt(Limit.DEVICE_SIGN_IN, SOURCE), "one uncounted, the failures stay");
    }

    @Test
    public void uncountingNeverGivesMoreThanTheBudget() {
        limiter.uncount(Limit.STEP_UP, "member-1");
        limiter.attempt(Limit.STEP_UP, "member-1");
        limiter.uncount(Limit.STEP_UP, "member-1");
        limiter.uncount(Limit.STEP_UP, "member-1");
        for (int i = 0; i < 10; i++) {
            limiter.attempt(Limit.STEP_UP, "member-1");
        }
        refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> limiter.attempt(Limit.STEP_UP, "member-1"));
    }

    @Test
    public void aSourceThatComesStraightBackGetsLongerWindows() {
        // Expected windows, in minutes, for a source that uses up each window as soon as it opens.
        long[] windows = {15, 30, 60, 120, 240, 480, 960, 960};
        for (long minutes : windows) {
            for (int i = 0; i < 10; i++) {
                limiter.attempt(Limit.DEVICE_SIGN_IN, SOURCE);
            }
            LatchkeyException refused = refused(ErrorCode.TOO_MANY_ATTEMPTS,
                    () -> limiter.attempt(Limit.DEVICE_SIGN_IN, SOURCE));
            assertEquals(Duration.ofMinutes(minutes), refused.retryAfter().orElseThrow());
            clock.advance(refused.retryAfter().orElseThrow());
        }

        // A source that keeps quiet for a whole window is forgiven its strikes.
        clock.advance(Duration.ofMinutes(15));
        for (int i = 0; i < 10; i++) {
            limiter.attempt(Limit.DEVICE_SIGN_IN, SOURCE);
        }
        assertEquals(Duration.ofMinutes(15), refused(ErrorCode.TOO_MANY_ATTEMPTS,
                () -> limiter.attempt(Limit.DEVICE_SIGN_IN, SOURCE)).retryAfter().orElseThrow());
    }

    @Test
    public void limitsOnWhatIsNotTheCallersOwnNeverBackOff() {
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 5; i++) {
                limiter.attempt(Limit.MAIL_TO_ADDRESS, "victim@example.test");
            }
            LatchkeyException refused = refused(ErrorCode.TOO_MANY_ATTEMPTS,
                    () -> limiter.attempt(Limit.MAIL_TO_ADDRESS, "victim@example.test"));
            assertEquals(Duration.ofHours(1), refused.retryAfter().orElseThrow());
            clock.advance(Duration.ofHours(1));
        }
    }

    @Test
    public void subjectsAndLimitsCountApart() {
        for (int i = 0; i < 10; i++) {
            limiter.attempt(Limit.LICENSE_ACTIVATION, SOURCE);
        }
        refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> limiter.attempt(Limit.LICENSE_ACTIVATION, SOURCE));
        assertEquals(1, limiter.attempt(Limit.LICENSE_ACTIVATION, "198.51.100.9"));
        assertEquals(1, limiter.attempt(Limit.PROVISIONING, SOURCE));
        assertEquals(1, limiter.attempt(Limit.DEVICE_SIGN_IN, SOURCE));
    }

    @Test
    public void aSubjectIsCutTo256Characters() {
        String stem = "x".repeat(256);
        assertEquals(1, limiter.attempt(Limit.SIGN_IN_ACCOUNT, stem + "a".repeat(100_000)));
        assertEquals(2, limiter.attempt(Limit.SIGN_IN_ACCOUNT, stem + "b"));
        assertEquals(1, limiter.attempt(Limit.SIGN_IN_ACCOUNT, stem.substring(1)));
    }

    @Test
    public void twoNodesOnOneDatabaseShareTheirCounts() {
        StoredRateLimiter other = node(anotherNode());
        for (int i = 0; i < 10; i++) {
            limiter.attempt(Limit.SIGN_IN_SOURCE, SOURCE);
            other.attempt(Limit.SIGN_IN_SOURCE, SOURCE);
        }
        refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> limiter.attempt(Limit.SIGN_IN_SOURCE, SOURCE));
        refused(ErrorCode.TOO_MANY_ATTEMPTS, () -> other.attempt(Limit.SIGN_IN_SOURCE, SOURCE));
    }

    @Test
    public void parallelAttemptsCannotAllPass() throws Exception {
        StoredRateLimiter other = node(anotherNode());
        AtomicInteger passed = new AtomicInteger();
        AtomicInteger refusedCount = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> tries = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                StoredRateLimiter node = t % 2 == 0 ? limiter : other;
                tries.add(() -> {
                    for (int i = 0; i < 5; i++) {
                        try {
                            node.attempt(Limit.MAIL_TO_ADDRESS, "victim@example.test");
                            passed.incrementAndGet();
                        } catch (LatchkeyException e) {
                            assertEquals(ErrorCode.TOO_MANY_ATTEMPTS, e.code());
                            refusedCount.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(tries)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5, passed.get());
        assertEquals(35, refusedCount.get());
    }

    @Test
    public void aSecondFirstCounterOfOneKeyIsADuplicate() {
        AttemptCounter counter = new AttemptCounter("k".repeat(64), 1, clock.instant(),
                clock.instant().plus(Duration.ofMinutes(15)), 0, 0);
        AttemptRepository counters = store.port(AttemptRepository.class);
        store.inTransaction(() -> counters.insert(counter));
        refused(ErrorCode.DUPLICATE, () -> store.inTransaction(() -> counters.insert(counter)));
        assertEquals(counter.withAttempts(1), store.inTransaction(() -> counters.lock(counter.key())).orElseThrow());
    }

    @Test
    public void attemptsAreNeverCountedInsideACommandsTransaction() {
        assertThrows(IllegalStateException.class,
                () -> store.inTransaction(() -> limiter.attempt(Limit.SIGN_IN_SOURCE, SOURCE)));
        assertThrows(IllegalStateException.class,
                () -> store.inTransaction(() -> limiter.uncount(Limit.SIGN_IN_SOURCE, SOURCE)));
        assertEquals(1, limiter.attempt(Limit.SIGN_IN_SOURCE, SOURCE), "nothing was counted");
    }

    @Test
    public void countersArePrunedOnceTheirWindowAndItsBackOffMemoryAreOver() {
        limiter.attempt(Limit.SIGN_IN_SOURCE, "old");
        clock.advance(Duration.ofHours(2));
        limiter.attempt(Limit.SIGN_IN_SOURCE, "recent");
        // "old" ended at 10:15; counters are kept a day (the longest window) after they end.
        clock.advance(Duration.ofDays(1).minus(Duration.ofHours(2)).plus(Duration.ofMinutes(15)));
        assertEquals(0, limiter.prune(100));
        clock.advance(Duration.ofNanos(1000));
        assertEquals(1, limiter.prune(100), "only the old one");
        assertEquals(0, limiter.prune(100));
        clock.advance(Duration.ofHours(2));
        assertEquals(1, limiter.prune(100), "the recent one, once its memory is over too");
    }

    @Test
    public void pruningGoesInBatches() {
        for (int i = 0; i < 7; i++) {
            limiter.attempt(Limit.PROVISIONING, "source-" + i);
        }
        clock.advance(Duration.ofDays(2));
        assertEquals(3, limiter.prune(3));
        assertEquals(3, limiter.prune(3));
        assertEquals(1, limiter.prune(3));
        assertEquals(0, limiter.prune(3));
    }
}
