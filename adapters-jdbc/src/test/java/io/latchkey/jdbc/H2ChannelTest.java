package io.latchkey.jdbc;

import io.latchkey.party.ChannelContractTest;
import io.latchkey.store.Store;
import org.junit.jupiter.api.AfterEach;

/** The channel on H2. */
class H2ChannelTest extends ChannelContractTest {

    @Override
    protected Store newStore() {
        return H2.newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        fx.close();
    }
}
