package io.latchkey.store;

import java.util.function.Supplier;

/**
 * The transaction boundary: every command runs its reads and writes (state, journal, outbox) in one
 * transaction, which commits when the work returns and rolls back, leaving nothing behind, when it throws.
 * A call inside a running transaction joins it.
 *
 * <p>Implementations must be thread-safe; each thread has its own transaction.
 */
public interface Transactions {

    /** Runs {@code work} in a transaction and returns its result. */
    <T> T inTransaction(Supplier<T> work);

    /** Whether the calling thread is inside a transaction of this store (one that a new call would join). */
    boolean insideTransaction();

    /** Runs {@code work} in a transaction. */
    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
