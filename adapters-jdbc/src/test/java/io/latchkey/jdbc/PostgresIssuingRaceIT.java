package io.latchkey.jdbc;

import io.latchkey.credential.IssuingRaceContractTest;
import io.latchkey.store.Store;

/** The issuing race check on PostgreSQL: concurrent transactions, row locks and skipped locked rows. */
class PostgresIssuingRaceIT extends IssuingRaceContractTest {

    @Override
    protected Store newStore() {
        return Postgres.newStore();
    }
}
