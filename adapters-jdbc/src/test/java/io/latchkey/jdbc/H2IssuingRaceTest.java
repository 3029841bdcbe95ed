package io.latchkey.jdbc;

import io.latchkey.credential.IssuingRaceContractTest;
import io.latchkey.store.Store;

/** The issuing race check on H2: concurrent transactions, row locks and skipped locked rows. */
class H2IssuingRaceTest extends IssuingRaceContractTest {

    @Override
    protected Store newStore() {
        return H2.newStore();
    }
}
