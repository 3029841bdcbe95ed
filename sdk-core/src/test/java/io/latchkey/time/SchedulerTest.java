package io.latchkey.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-23T10:00:00Z"));

    /** An area with {@code due} transitions waiting; it records the limit of every call. */
    private static final class Backlog implements DueWork {
        int due;
        final List<Integer> limits = new ArrayList<>();
        final List<Instant> times = new ArrayList<>();

        Backlog(int due) {
            this.due = due;
        }

        @Override
        public String name() {
            return "backlog";
        }

        @Override
        public int applyDue(Instant now, int limit) {
            limits.add(limit);
            times.add(now);
            int applied = Math.min(due, limit);
            due -= applied;
            return applied;
        }
    }

    @Test
    void everyAreaIsDrainedInBatchesAndTheTotalIsReturned() {
        Backlog seven = new Backlog(7);
        Backlog six = new Backlog(6);
        Backlog none = new Backlog(0);
        assertEquals(13, new Scheduler(clock, List.of(seven, six, none), 3).runDue());
        assertEquals(List.of(3, 3, 3), seven.limits, "3 + 3 + 1: a short batch means nothing is left");
        assertEquals(List.of(3, 3, 3), six.limits, "3 + 3, then an empty batch to be sure");
        assertEquals(List.of(3), none.limits);
        assertEquals(List.of(clock.instant()), none.times);
        assertEquals(0, seven.due + six.due);
    }

    @Test
    void aBatchHoldsAtLeastOneTransition() {
        assertThrows(IllegalArgumentException.class, () -> new Scheduler(clock, List.of(), 0));
        assertEquals(2, new Scheduler(clock, List.of(new Backlog(2)), 1).runDue());
    }

    @Test
    void aFailingRunIsLoggedAndTheNextOneGoesAhead() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch afterTheFailure = new CountDownLatch(2);
        List<String> threads = new ArrayList<>();
        try (AutoCloseable running = Scheduler.every(Duration.ofMillis(1), "latchkey-test", () -> {
            if (runs.incrementAndGet() == 1) {
                synchronized (threads) {
                    threads.add(Thread.currentThread().getName() + (Thread.currentThread().isDaemon() ? " daemon"
                            : ""));
                }
                throw new IllegalStateException("the database is away");
            }
            afterTheFailure.countDown();
        })) {
            assertTrue(afterTheFailure.await(30, TimeUnit.SECONDS), "runs went on after the first one failed");
        }
        synchronized (threads) {
            assertEquals(List.of("latchkey-test daemon"), threads);
        }
    }
}
