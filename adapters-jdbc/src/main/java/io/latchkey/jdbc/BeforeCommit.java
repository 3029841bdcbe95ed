package io.latchkey.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Work a repository gathers during a transaction and writes just before it commits: a hot row (a pool's stock) is
 * then locked for the commit only, not for the whole transaction. Thrown away if the transaction rolls back.
 *
 * <p>Thread-safe: one set per thread, as transactions are.
 */
final class BeforeCommit {

    private record Work<T>(T gathered, Consumer<T> write) {
        void writeIt() {
            write.accept(gathered);
        }
    }

    private final ThreadLocal<Map<Object, Work<?>>> running = new ThreadLocal<>();

    void begin() {
        running.set(new LinkedHashMap<>());
    }

    /**
     * What this transaction has gathered under {@code key} (made by {@code start} the first time, and written by
     * {@code write} before the commit).
     */
    @SuppressWarnings("unchecked")
    <T> T gathered(Object key, Supplier<T> start, Consumer<T> write) {
        return (T) running.get().computeIfAbsent(key, k -> new Work<>(start.get(), write)).gathered();
    }

    /** Writes everything gathered, in the order it was first gathered; the transaction commits next. */
    void writeAll() {
        running.get().values().forEach(Work::writeIt);
    }

    void end() {
        running.remove();
    }
}
