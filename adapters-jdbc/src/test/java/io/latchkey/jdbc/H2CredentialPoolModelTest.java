package io.latchkey.jdbc;

import io.latchkey.credential.CredentialPoolModelContractTest;
import io.latchkey.store.Store;

/** The credential pool model check on H2: fewer sequences, each on a freshly migrated database. */
class H2CredentialPoolModelTest extends CredentialPoolModelContractTest {

    @Override
    protected Store newStore() {
        return H2.newStore();
    }

    @Override
    protected int examples() {
        return 40;
    }
}
