package io.latchkey.limits;

import io.latchkey.store.InMemoryStore;
import io.latchkey.store.Store;

/** The rate limiter contract on counters kept in the in-memory store. */
class InMemoryRateLimiterTest extends RateLimiterContractTest {

    @Override
    protected Store newStore() {
        return InMemoryStore.create();
    }
}
