package io.latchkey.internal;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.store.Store;
import java.util.function.Supplier;

/**
 * A store whose outermost transactions run again when they lose an optimistic race. A command writes the
 * versions it read in the same transaction, so {@link ErrorCode#CONCURRENT_MODIFICATION} means another
 * transaction committed in between; run again, the work reads what that one left and decides anew (a second
 * revocation of one label is then refused as a transition not allowed, as it would have been had the two not
 * overlapped). Work that joins a running transaction (the host's, say) is never run again on its own: what it
 * wrote could not be undone without the rest.
 */
public final class RetryingStore implements Store {

    /** How many times the work may run before the conflict reaches the caller. */
    public static final int ATTEMPTS = 5;

    private final Store store;

    private RetryingStore(Store store) {
        this.store = store;
    }

    /** {@code store}, retrying its conflicts. */
    public static Store of(Store store) {
        return store instanceof RetryingStore ? store : new RetryingStore(store);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (store.insideTransaction()) {
            return store.inTransaction(work);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return store.inTransaction(work);
            } catch (LatchkeyException e) {
                if (e.code() != ErrorCode.CONCURRENT_MODIFICATION || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public boolean insideTransaction() {
        return store.insideTransaction();
    }

    @Override
    public boolean durable() {
        return store.durable();
    }

    @Override
    public <P> P port(Class<P> port) {
        return store.port(port);
    }
}
