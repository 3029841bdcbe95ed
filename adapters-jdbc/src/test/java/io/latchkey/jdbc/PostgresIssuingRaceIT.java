package io.latchkey.jdbc;

import io.latchkey.credential.IssuingRaceCheck;
import io.latchkey.store.Store;

/** The issuing race check on PostgreSQL: concurrent transactions, row locks and skipped locked rows. */
class PostgresIssuingRaceIT extends IssuingRaceCheck {

    @Override
    protected Store newStore() {
        return Postgres.newStore();
    }
}
