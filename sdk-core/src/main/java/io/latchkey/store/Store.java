package io.latchkey.store;

/**
 * Where a deployment keeps everything: the {@link Transactions} boundary and the set of storage ports that
 * run in it, one per area (each area's store, the journal, the outbox, idempotency records). A port is an
 * interface annotated with {@link Port}; the areas own their ports, so this interface names none of them and
 * adding an area changes nothing here.
 *
 * <p>Implementations: {@link InMemoryStore} here, {@code JdbcStore} in adapters-jdbc. Each must pass the
 * contract tests of sdk-core's test-jar. Implementations are thread-safe; ports must be used inside
 * {@link #inTransaction}, and outside one they throw {@link IllegalStateException}.
 */
public interface Store extends Transactions {

    /**
     * This store's implementation of {@code port}.
     *
     * @throws IllegalArgumentException if {@code port} is not a {@link Port} this store provides
     */
    <P> P port(Class<P> port);

    /** Whether what it keeps outlives the process (a database), so that keys must too. */
    default boolean durable() {
        return false;
    }
}
