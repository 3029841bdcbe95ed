package io.latchkey.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one operation on several threads at once and times each call: for a while after a warm-up, or a fixed
 * number of calls. An operation that throws ends the run with that error: a benchmark of failures is worthless.
 */
final class Load {

    /** One call of the operation, on thread {@code thread}. */
    @FunctionalInterface
    interface Operation {
        void run(int thread) throws Exception;
    }

    private Load() {
    }

    /** {@code threads} callers for {@code warmUp} unmeasured, then {@code measured}. */
    static Sample during(int threads, Duration warmUp, Duration measured, Operation operation) throws Exception {
        long start = System.nanoTime() + warmUp.toNanos();
        long end = start + measured.toNanos();
        List<long[]> perThread = run(threads, thread -> {
            LatencyLog log = new LatencyLog();
            while (true) {
                long before = System.nanoTime();
                if (before >= end) {
                    return log.toArray();
                }
                operation.run(thread);
                if (before >= start) {
                    log.add(System.nanoTime() - before);
                }
            }
        });
        return Sample.of(concat(perThread), measured.toNanos() / 1e9);
    }

    /** {@code threads} callers sharing {@code calls} calls after {@code warmUpCalls} unmeasured ones. */
    static Sample calls(int threads, int warmUpCalls, int calls, Operation operation) throws Exception {
        AtomicLong left = new AtomicLong(warmUpCalls);
        run(threads, thread -> {
            while (left.getAndDecrement() > 0) {
                operation.run(thread);
            }
            return new long[0];
        });
        left.set(calls);
        long begin = System.nanoTime();
        List<long[]> perThread = run(threads, thread -> {
            LatencyLog log = new LatencyLog();
            while (left.getAndDecrement() > 0) {
                long before = System.nanoTime();
                operation.run(thread);
                log.add(System.nanoTime() - before);
            }
            return log.toArray();
        });
        return Sample.of(concat(perThread), (System.nanoTime() - begin) / 1e9);
    }

    private interface Caller {
        long[] call(int thread) throws Exception;
    }

    private static List<long[]> run(int threads, Caller caller) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(1);
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(executor.submit(() -> {
                    ready.await();
                    return caller.call(thread);
                }));
            }
            ready.countDown();
            List<long[]> results = new ArrayList<>();
            for (Future<long[]> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    private static long[] concat(List<long[]> parts) {
        long[] all = new long[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** A growable array of latencies, so that timing allocates nothing per call but now and then. */
    private static final class LatencyLog {
        private long[] values = new long[4096];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
