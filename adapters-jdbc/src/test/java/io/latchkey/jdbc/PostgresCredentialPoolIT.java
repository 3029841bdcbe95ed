package io.latchkey.jdbc;

import io.latchkey.credential.CredentialPoolContractTest;
import io.latchkey.store.Store;
import org.junit.jupiter.api.AfterEach;

/** Credential pools end to end on Postgres. */
class PostgresCredentialPoolIT extends CredentialPoolContractTest {

    @Override
    protected Store newStore() {
        return Postgres.newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        fx.close();
    }
}
