package io.latchkey.internal;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.store.Store;
import java.util.function.Supplier;

/**
 * A store whose outermost transactions run again when they lose an optimistic race. Every version a command
 * writes against it read in the same transaction, so {@link ErrorCode#CONCURRENT_MODIFICATION} only ever means
 * another transaction committed in between; run again, the work reads what that one left and decides anew (a
 * second revocation of one label is then refused as a transition not allowed, as it would have been had the two
 * not overlapped). A transaction that joins a running one is not retried on its own.
 */
public final class RetryingStore implements Store {

    /** How many times the work may run before the conflict reaches the caller. */
    public static final int ATTEMPTS = 5;

    private final Store store;
    private final ThreadLocal<Boolean> running = new ThreadLocal<>();

    private RetryingStore(Store store) {
        this.store = store;
    }

    /** {@code store}, retrying its conflicts. */
    public static Store of(Store store) {
        return store instanceof RetryingStore ? store : new RetryingStore(store);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (running.get() != null) {
            return store.inTransaction(work);
        }
        running.set(Boolean.TRUE);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return store.inTransaction(work);
                } catch (LatchkeyException e) {
                    if (e.code() != ErrorCode.CONCURRENT_MODIFICATION || attempt == ATTEMPTS) {
                        throw e;
                    }
                }
            }
        } finally {
            running.remove();
        }
    }

    @Override
    public <P> P port(Class<P> port) {
        return store.port(port);
    }
}
