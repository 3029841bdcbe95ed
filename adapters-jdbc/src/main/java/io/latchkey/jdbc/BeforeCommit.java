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
     * {@code write} before the commit or by an earlier {@link #write(Object)}).
     */
    @SuppressWarnings("unchecked")
    <T> T gathered(Object key, Supplier<T> start, Consumer<T> write) {
        return (T) running.get().computeIfAbsent(key, k -> new Work<>(start.get(), write)).gathered();
    }

    /** Writes what is gathered under {@code key} now (before a read that must see it), and forgets it. */
    void write(Object key) {
        Work<?> work = running.get().remove(key);
        if (work != null) {
            work.writeIt();
        }
    }

    /** Writes everything gathered; the transaction commits next. */
    void writeAll() {
        Map<Object, Work<?>> all = running.get();
        while (!all.isEmpty()) {
            write(all.keySet().iterator().next());
        }
    }

    void end() {
        running.remove();
    }
}
