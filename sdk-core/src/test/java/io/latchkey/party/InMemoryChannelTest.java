package io.latchkey.party;

import io.latchkey.store.InMemoryStore;
import io.latchkey.store.Store;

/** The channel on the in-memory store. */
class InMemoryChannelTest extends ChannelContractTest {

    @Override
    protected Store newStore() {
        return InMemoryStore.create();
    }
}
