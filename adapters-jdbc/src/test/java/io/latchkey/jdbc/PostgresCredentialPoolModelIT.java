package io.latchkey.jdbc;

import io.latchkey.credential.CredentialPoolModelContractTest;
import io.latchkey.store.Store;

/** The credential pool model check on PostgreSQL: fewer sequences, each on a freshly migrated database. */
class PostgresCredentialPoolModelIT extends CredentialPoolModelContractTest {

    @Override
    protected Store newStore() {
        return Postgres.newStore();
    }

    @Override
    protected int examples() {
        return 30;
    }
}
