package io.latchkey.time;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies due timed transitions of every area in batches. Reads never wait for it (effective states are
 * derived from the clock); it persists the steps and sends what they notify, exactly once.
 *
 * <p>Thread-safe; several nodes may run it against one store.
 */
public final class Scheduler {

    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());

    private final Clock clock;
    private final List<DueWork> work;
    private final int batchSize;

    public Scheduler(Clock clock, List<DueWork> work, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.clock = clock;
        this.work = List.copyOf(work);
        this.batchSize = batchSize;
    }

    /** Applies everything due now, batch by batch; returns how many transitions were applied. */
    public int runDue() {
        int total = 0;
        for (DueWork area : work) {
            int applied;
            do {
                applied = area.applyDue(clock.instant(), batchSize);
                total += applied;
            } while (applied >= batchSize);
        }
        return total;
    }

    /**
     * Runs {@code task} every {@code period} on one daemon thread until the returned handle is closed. A
     * failing run is logged and the next one goes ahead.
     */
    public static AutoCloseable every(Duration period, String name, Runnable task) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, name + " failed; will run again", e);
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        };
    }
}
