package io.latchkey.testkit;

import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.store.Store;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A {@link Store} that fails any transaction in which a row's state changed without a journal line for that
 * change. It watches every port of the store it wraps: the state each row was read in, each row inserted or
 * updated with another state, and each journal line appended; at the end of the outermost transaction every
 * state change (and every new row with a state) must be matched by a journal line with the same states, or the
 * transaction throws {@link AssertionError} and rolls back. The contract suites run their stores through it, so
 * a code path that changes a state around the kernel step fails whichever store it runs on.
 *
 * <p>A row has a state if its type has a no-argument {@code state()} or {@code status()} returning an enum; the
 * outbox's delivery bookkeeping is not a lifecycle and is not watched.
 */
public final class JournalAuditStore implements Store {

    private final Store store;
    private final Map<Class<?>, Object> ports = new ConcurrentHashMap<>();
    private final ThreadLocal<Audit> audit = new ThreadLocal<>();

    private JournalAuditStore(Store store) {
        this.store = store;
    }

    /** {@code store}, audited. */
    public static Store of(Store store) {
        return store instanceof JournalAuditStore ? store : new JournalAuditStore(store);
    }

    @Override
    public boolean insideTransaction() {
        return store.insideTransaction();
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (audit.get() != null) {
            return store.inTransaction(work);
        }
        Audit current = new Audit();
        audit.set(current);
        try {
            return store.inTransaction(() -> {
                T result = work.get();
                current.verify();
                return result;
            });
        } finally {
            audit.remove();
        }
    }

    @Override
    public boolean durable() {
        return store.durable();
    }

    @Override
    public <P> P port(Class<P> port) {
        return port.cast(ports.computeIfAbsent(port, type -> watched(type, store.port(type))));
    }

    /** {@code target} behind a proxy of {@code type} that reports to the running transaction's audit. */
    private Object watched(Class<?> type, Object target) {
        if (type.getPackageName().equals("io.latchkey.notify")) {
            return target;
        }
        InvocationHandler handler = new InvocationHandler() {
            private final Map<Method, Object> repositories = new ConcurrentHashMap<>();

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                if (method.getDeclaringClass() == Object.class) {
                    return method.invoke(target, args);
                }
                Audit current = audit.get();
                if (current != null && args != null && args.length == 1) {
                    current.before(method.getName(), args[0]);
                }
                Object result;
                try {
                    result = method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (method.getReturnType().isInterface() && method.getReturnType().getName().endsWith("Repository")
                        && (args == null || args.length == 0)) {
                    return repositories.computeIfAbsent(method, m -> watched(m.getReturnType(), result));
                }
                if (current != null) {
                    current.seen(result);
                }
                return result;
            }
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** What one transaction read, changed and journaled. */
    private static final class Audit {
        /** The state each row was last seen in, by its type and id. */
        private final Map<List<Object>, String> states = new HashMap<>();
        /** Each change of state not yet matched by a journal line: "type from → to". */
        private final List<String> changes = new ArrayList<>();
        private final List<JournalEntry> journal = new ArrayList<>();

        void before(String method, Object row) {
            if (row instanceof JournalEntry entry && method.equals("append")) {
                journal.add(entry);
                return;
            }
            if (!method.equals("insert") && !method.equals("update")) {
                return;
            }
            String state = stateOf(row);
            if (state == null) {
                return;
            }
            List<Object> key = List.of(row.getClass(), idOf(row));
            if (method.equals("insert")) {
                changes.add(row.getClass().getSimpleName() + " CREATE → " + state);
            } else {
                String before = states.get(key);
                if (before != null && !before.equals(state)) {
                    changes.add(row.getClass().getSimpleName() + " " + before + " → " + state);
                }
            }
            states.put(key, state);
        }

        void seen(Object result) {
            if (result instanceof Optional<?> optional) {
                optional.ifPresent(this::remember);
            } else if (result instanceof Collection<?> rows) {
                rows.forEach(this::remember);
            } else if (result != null) {
                remember(result);
            }
        }

        private void remember(Object row) {
            String state = stateOf(row);
            if (state != null) {
                states.put(List.of(row.getClass(), idOf(row)), state);
            }
        }

        void verify() {
            List<String> unmatched = new ArrayList<>();
            List<JournalEntry> lines = new ArrayList<>(journal);
            for (String change : changes) {
                String[] parts = change.split(" ");
                String from = parts[1];
                String to = parts[3];
                Optional<JournalEntry> line = lines.stream().filter(e -> e.toState().equals(to)
                        && (from.equals("CREATE") ? e.event().equals("CREATE") : from.equals(e.fromState())))
                        .findFirst();
                if (line.isPresent()) {
                    lines.remove(line.get());
                } else {
                    unmatched.add(change);
                }
            }
            if (!unmatched.isEmpty()) {
                throw new AssertionError("states changed without a journal line: " + unmatched);
            }
        }

        private static String stateOf(Object row) {
            for (String name : List.of("state", "status")) {
                try {
                    Method accessor = row.getClass().getMethod(name);
                    if (accessor.getReturnType().isEnum()) {
                        return String.valueOf(accessor.invoke(row));
                    }
                } catch (NoSuchMethodException absent) {
                    // Try the other name.
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return null;
        }

        private static Object idOf(Object row) {
            try {
                return Objects.requireNonNull(row.getClass().getMethod("id").invoke(row));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(row.getClass() + " has no id()", e);
            }
        }
    }
}
