package io.latchkey.jdbc;

import io.latchkey.limits.RateLimiterContractTest;
import io.latchkey.store.Store;
import org.junit.jupiter.api.AfterEach;

/** The rate limiter contract on counters kept in PostgreSQL: two nodes, parallel attempts, one count. */
class PostgresRateLimiterIT extends RateLimiterContractTest {

    @Override
    protected Store newStore() {
        return Postgres.newStore();
    }

    @AfterEach
    void closeStore() {
        ((JdbcStore) store).close();
    }
}
