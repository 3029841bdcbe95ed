package io.latchkey.jdbc;

import io.latchkey.limits.RateLimiterContractTest;
import io.latchkey.store.Store;

/** The rate limiter contract on counters kept in PostgreSQL: two nodes, parallel attempts, one count. */
class PostgresRateLimiterIT extends RateLimiterContractTest {

    private String url;

    @Override
    protected Store newStore() {
        url = Postgres.newDatabase();
        return JdbcStore.connect(url, "postgres", "");
    }

    @Override
    protected Store anotherNode() {
        return JdbcStore.connect(url, "postgres", "");
    }
}
