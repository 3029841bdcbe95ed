package io.latchkey.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a load run measured: how many operations finished in how long, and the latency of each.
 *
 * @param operations finished operations
 * @param seconds    wall time of the measured part
 * @param latencies  each operation's latency in nanoseconds, sorted
 */
record Sample(long operations, double seconds, long[] latencies) {

    static Sample of(long[] latencies, double seconds) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Sample(sorted.length, seconds, sorted);
    }

    double perSecond() {
        return operations / seconds;
    }

    double medianMillis() {
        return percentileMillis(0.50);
    }

    double p99Millis() {
        return percentileMillis(0.99);
    }

    private double percentileMillis(double p) {
        if (latencies.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1);
        return latencies[Math.max(0, index)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.0f/s (median %.1f ms, p99 %.1f ms, %d in %.1f s)", perSecond(),
                medianMillis(), p99Millis(), operations, seconds);
    }
}
