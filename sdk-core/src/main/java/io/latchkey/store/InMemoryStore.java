package io.latchkey.store;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A {@link Store} in memory: for tests, demos and hosts that keep nothing across restarts. Each {@link Port}
 * is made from its in-memory implementation when first asked for; those implementations keep their rows in
 * this store's {@link Table}s.
 *
 * <p>Transactions are serialized by one lock and undone from an undo log when the work throws, so every
 * transaction sees a consistent state and a failed one leaves nothing behind. That makes it safe under
 * concurrent use, at the price of no parallelism between writers; use {@code JdbcStore} for more.
 */
public final class InMemoryStore implements Store {

    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<List<Runnable>> undoLog = new ThreadLocal<>();
    private final Map<Class<?>, Object> ports = new ConcurrentHashMap<>();

    private InMemoryStore() {
    }

    /** An empty store. */
    public static InMemoryStore create() {
        return new InMemoryStore();
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (undoLog.get() != null) {
            return work.get();
        }
        lock.lock();
        List<Runnable> undo = new ArrayList<>();
        undoLog.set(undo);
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
            throw e;
        } finally {
            undoLog.remove();
            lock.unlock();
        }
    }

    @Override
    public <P> P port(Class<P> port) {
        return port.cast(ports.computeIfAbsent(port, this::make));
    }

    private Object make(Class<?> port) {
        Port declared = port.getAnnotation(Port.class);
        if (declared == null || !port.isInterface() || !port.isAssignableFrom(declared.inMemory())) {
            throw new IllegalArgumentException(port.getName() + " is not a port with an in-memory implementation");
        }
        try {
            Constructor<?> constructor = declared.inMemory().getDeclaredConstructor(InMemoryStore.class);
            constructor.setAccessible(true);
            return constructor.newInstance(this);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("could not make " + declared.inMemory().getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(declared.inMemory().getName() + " needs a constructor (InMemoryStore)", e);
        }
    }

    /** A new table whose rows are keyed by {@code key} and carry an optimistic version ({@code null}: none). */
    public <K, V> Table<K, V> table(Function<V, K> key, Function<V, Long> version) {
        return new Table<>(Objects.requireNonNull(key), version);
    }

    private List<Runnable> requireTransaction() {
        List<Runnable> undo = undoLog.get();
        if (undo == null) {
            throw new IllegalStateException("storage ports are used inside Store.inTransaction");
        }
        return undo;
    }

    /** Writes {@code key → value} (removes the key when {@code value} is null), undone if the transaction fails. */
    private <K, V> void write(Map<K, V> map, K key, V value) {
        List<Runnable> undo = requireTransaction();
        boolean existed = map.containsKey(key);
        V previous = value == null ? map.remove(key) : map.put(key, value);
        undo.add(existed ? () -> map.put(key, previous) : () -> map.remove(key));
    }

    /**
     * Rows of one kind, keyed, optionally versioned, with unique indexes. Every write is undone if its
     * transaction fails. Used only inside {@link #inTransaction}.
     *
     * @param <K> the key
     * @param <V> the row
     */
    public final class Table<K, V> {
        private final Map<K, V> rows = new HashMap<>();
        private final Function<V, K> key;
        private final Function<V, Long> version;
        private final List<Unique<?, K, V>> uniques = new ArrayList<>();

        private Table(Function<V, K> key, Function<V, Long> version) {
            this.key = key;
            this.version = version;
        }

        /**
         * Adds a unique index: no two rows share a non-null {@code value}; a write that would is refused with
         * what {@code taken} supplies. Declare indexes before the first write.
         */
        public <U> Unique<U, K, V> unique(Function<V, U> value, Function<V, ? extends RuntimeException> taken) {
            Unique<U, K, V> index = new Unique<>(this, value, taken);
            uniques.add(index);
            return index;
        }

        public Optional<V> find(K id) {
            requireTransaction();
            return Optional.ofNullable(rows.get(id));
        }

        /** Every row, in no particular order. */
        public Stream<V> rows() {
            requireTransaction();
            return rows.values().stream();
        }

        /** Adds a new row; its key must be new, and so must its unique values. */
        public void insert(V row) {
            K id = key.apply(row);
            if (find(id).isPresent()) {
                throw new IllegalStateException("row " + id + " exists already");
            }
            store(id, null, row);
        }

        /**
         * Replaces a row if its stored version is the one {@code row} carries, storing it with the next version
         * ({@code withVersion}); returns what was stored.
         *
         * @throws LatchkeyException {@link ErrorCode#CONCURRENT_MODIFICATION} if the stored version moved on
         */
        public V update(V row, Function<Long, V> withVersion) {
            K id = key.apply(row);
            V stored = find(id).orElseThrow(() -> new IllegalStateException("row " + id + " does not exist"));
            long expected = version.apply(row);
            if (version.apply(stored) != expected) {
                throw LatchkeyException.of(ErrorCode.CONCURRENT_MODIFICATION, id);
            }
            V next = withVersion.apply(expected + 1);
            store(id, stored, next);
            return next;
        }

        /** Replaces or adds a row, with no version check (rows that carry none). */
        public void put(V row) {
            K id = key.apply(row);
            store(id, rows.get(id), row);
        }

        private void store(K id, V previous, V next) {
            for (Unique<?, K, V> index : uniques) {
                index.check(id, next);
            }
            for (Unique<?, K, V> index : uniques) {
                index.move(id, previous, next);
            }
            write(rows, id, next);
        }
    }

    /**
     * A unique index of a {@link Table}: the row that has a value, if any.
     *
     * @param <U> the indexed value
     * @param <K> the table's key
     * @param <V> the table's row
     */
    public final class Unique<U, K, V> {
        private final Map<U, K> keys = new HashMap<>();
        private final Function<V, U> value;
        private final Function<V, ? extends RuntimeException> taken;
        private final Table<K, V> table;

        private Unique(Table<K, V> table, Function<V, U> value, Function<V, ? extends RuntimeException> taken) {
            this.table = table;
            this.value = value;
            this.taken = taken;
        }

        /** The row whose indexed value is {@code v}. */
        public Optional<V> find(U v) {
            requireTransaction();
            K id = keys.get(v);
            return id == null ? Optional.empty() : Optional.ofNullable(table.rows.get(id));
        }

        private void check(K id, V next) {
            U v = value.apply(next);
            K holder = v == null ? null : keys.get(v);
            if (holder != null && !holder.equals(id)) {
                throw taken.apply(next);
            }
        }

        private void move(K id, V previous, V next) {
            U before = previous == null ? null : value.apply(previous);
            U after = value.apply(next);
            if (Objects.equals(before, after)) {
                return;
            }
            if (before != null) {
                write(keys, before, null);
            }
            if (after != null) {
                write(keys, after, id);
            }
        }
    }
}
