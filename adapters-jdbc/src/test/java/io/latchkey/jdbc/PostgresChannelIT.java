package io.latchkey.jdbc;

import io.latchkey.party.ChannelContractTest;
import io.latchkey.store.Store;
import org.junit.jupiter.api.AfterEach;

/** The channel on PostgreSQL. */
class PostgresChannelIT extends ChannelContractTest {

    @Override
    protected Store newStore() {
        return Postgres.newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        fx.close();
    }
}
