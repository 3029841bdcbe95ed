package io.latchkey.store;

import io.latchkey.ErrorCode;
import io.latchkey.Id;
import io.latchkey.LatchkeyException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
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
    public boolean insideTransaction() {
        return undoLog.get() != null;
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
     * Rows of one kind in this store: keyed, versioned unless {@code withVersion} is null, with the port's
     * {@link UniqueKey}s kept by indexes. Every write is undone if its transaction fails. An in-memory repository
     * extends it and adds its own queries over {@link #rows()}.
     *
     * @param <K> the key
     * @param <V> the row
     */
    public static class Table<K, V> implements VersionedRows<K, V> {
        private final InMemoryStore store;
        private final Map<K, V> rows = new HashMap<>();
        private final Function<V, K> key;
        private final Function<V, Long> version;
        private final BiFunction<V, Long, V> withVersion;
        private final List<Index<?, K, V>> indexes = new ArrayList<>();

        protected Table(InMemoryStore store, Function<V, K> key, Function<V, Long> version,
                        BiFunction<V, Long, V> withVersion) {
            this.store = store;
            this.key = Objects.requireNonNull(key);
            this.version = version;
            this.withVersion = withVersion;
        }

        /** Rows that never change: inserted, found, never updated. */
        protected Table(InMemoryStore store, Function<V, K> key) {
            this(store, key, null, null);
        }

        /**
         * Keeps {@code rule} over this table's rows, and returns its index to find a row by its key. Declare the
         * rules before the first write.
         */
        protected final <U> Index<U, K, V> unique(UniqueKey<V> rule) {
            Index<U, K, V> index = new Index<>(this, rule);
            indexes.add(index);
            return index;
        }

        @Override
        public Optional<V> find(K id) {
            store.requireTransaction();
            return Optional.ofNullable(rows.get(id));
        }

        /**
         * A page of the rows {@code filter} keeps, in key order (keys are {@link io.latchkey.Id}s or UUIDs): those
         * after {@code after} (from the first when it is null), at most {@code limit}.
         */
        protected final List<V> page(Predicate<V> filter, K after, int limit) {
            return rows().filter(filter).filter(v -> after == null || uuid(key.apply(v)).compareTo(uuid(after)) > 0)
                    .sorted(Comparator.comparing(v -> uuid(key.apply(v)))).limit(limit).toList();
        }

        private static UUID uuid(Object key) {
            return key instanceof Id id ? id.value() : (UUID) key;
        }

        /** Every row, in no particular order. */
        protected final Stream<V> rows() {
            store.requireTransaction();
            return rows.values().stream();
        }

        @Override
        public void insert(V row) {
            K id = key.apply(row);
            if (find(id).isPresent()) {
                throw new IllegalStateException("row " + id + " exists already");
            }
            store(id, null, row);
        }

        @Override
        public V update(V row) {
            if (withVersion == null) {
                throw new UnsupportedOperationException("these rows never change");
            }
            K id = key.apply(row);
            V stored = find(id).orElseThrow(() -> new IllegalStateException("row " + id + " does not exist"));
            long expected = version.apply(row);
            if (version.apply(stored) != expected) {
                throw LatchkeyException.of(ErrorCode.CONCURRENT_MODIFICATION, id);
            }
            V next = withVersion.apply(row, expected + 1);
            store(id, stored, next);
            return next;
        }

        /** Removes the row {@code id}, if there is one, with its index entries; undone if the transaction fails. */
        protected final void delete(K id) {
            V previous = find(id).orElse(null);
            if (previous == null) {
                return;
            }
            for (Index<?, K, V> index : indexes) {
                index.forget(previous);
            }
            store.write(rows, id, null);
        }

        private void store(K id, V previous, V next) {
            for (Index<?, K, V> index : indexes) {
                index.check(id, next);
            }
            for (Index<?, K, V> index : indexes) {
                index.move(id, previous, next);
            }
            store.write(rows, id, next);
        }
    }

    /**
     * The index of a {@link UniqueKey} over a {@link Table}: the row that has a key, if any.
     *
     * @param <U> the key
     * @param <K> the table's key
     * @param <V> the table's row
     */
    public static final class Index<U, K, V> {
        private final Map<U, K> keys = new HashMap<>();
        private final Table<K, V> table;
        private final UniqueKey<V> rule;

        private Index(Table<K, V> table, UniqueKey<V> rule) {
            this.table = table;
            this.rule = rule;
        }

        /** The row whose key is {@code key}. */
        public Optional<V> find(U key) {
            table.store.requireTransaction();
            K id = keys.get(key);
            return id == null ? Optional.empty() : Optional.ofNullable(table.rows.get(id));
        }

        @SuppressWarnings("unchecked")
        private U keyOf(V row) {
            return (U) rule.key().apply(row);
        }

        private void check(K id, V next) {
            U key = keyOf(next);
            K holder = key == null ? null : keys.get(key);
            if (holder != null && !holder.equals(id)) {
                throw rule.refusal().apply(next);
            }
        }

        private void forget(V row) {
            U key = keyOf(row);
            if (key != null) {
                table.store.write(keys, key, null);
            }
        }

        private void move(K id, V previous, V next) {
            U before = previous == null ? null : keyOf(previous);
            U after = keyOf(next);
            if (Objects.equals(before, after)) {
                return;
            }
            if (before != null) {
                table.store.write(keys, before, null);
            }
            if (after != null) {
                table.store.write(keys, after, id);
            }
        }
    }
}
