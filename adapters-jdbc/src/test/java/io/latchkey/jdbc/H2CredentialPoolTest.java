package io.latchkey.jdbc;

import io.latchkey.credential.CredentialPoolContractTest;
import io.latchkey.store.Store;
import org.junit.jupiter.api.AfterEach;

/** Credential pools end to end on H2. */
class H2CredentialPoolTest extends CredentialPoolContractTest {

    @Override
    protected Store newStore() {
        return H2.newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        fx.close();
    }
}
