package io.latchkey.internal;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.store.InMemoryStore;
import io.latchkey.store.Store;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryingStoreTest {

    private final Store underlying = InMemoryStore.create();
    private final Store store = RetryingStore.of(underlying);
    private final AtomicInteger runs = new AtomicInteger();

    private static LatchkeyException conflict() {
        return LatchkeyException.of(ErrorCode.CONCURRENT_MODIFICATION, "credential 1");
    }

    @Test
    void aLostRaceRunsTheWorkAgain() {
        String result = store.inTransaction(() -> {
            if (runs.incrementAndGet() < 3) {
                throw conflict();
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(3, runs.get());
    }

    @Test
    void aConflictThatKeepsComingReachesTheCallerAfterFiveRuns() {
        refused(ErrorCode.CONCURRENT_MODIFICATION, () -> store.inTransaction(() -> {
            runs.incrementAndGet();
            throw conflict();
        }));
        assertEquals(5, runs.get());
    }

    @Test
    void anyOtherRefusalIsNotRetried() {
        refused(ErrorCode.TRANSITION_NOT_ALLOWED, () -> store.inTransaction(() -> {
            runs.incrementAndGet();
            throw LatchkeyException.of(ErrorCode.TRANSITION_NOT_ALLOWED, "revoke", "credential", "FREE");
        }));
        assertEquals(1, runs.get());
    }

    @Test
    void aJoinedTransactionIsRetriedOnlyWithTheOneItJoined() {
        AtomicInteger inner = new AtomicInteger();
        store.inTransaction(() -> {
            int outer = runs.incrementAndGet();
            store.inTransaction(() -> {
                inner.incrementAndGet();
                if (outer == 1) {
                    throw conflict();
                }
            });
        });
        assertEquals(2, runs.get());
        assertEquals(2, inner.get(), "the inner work ran once per outer run");
    }

    @Test
    void workInATransactionTheHostOpenedIsNotRunAgain() {
        refused(ErrorCode.CONCURRENT_MODIFICATION, () -> underlying.inTransaction(() -> {
            store.inTransaction(() -> {
                runs.incrementAndGet();
                throw conflict();
            });
        }));
        assertEquals(1, runs.get(), "its writes could not be undone without the host's");
    }

    @Test
    void wrappingTwiceRetriesOnce() {
        assertSame(store, RetryingStore.of(store));
    }
}
