package io.latchkey.jdbc;

import io.latchkey.limits.RateLimiterContractTest;
import io.latchkey.store.Store;
import org.junit.jupiter.api.AfterEach;

/** The rate limiter contract on counters kept in PostgreSQL: two nodes, parallel attempts, one count. */
class PostgresRateLimiterIT extends RateLimiterContractTest {

    private String url;
    private JdbcStore other;

    @Override
    protected Store newStore() {
        url = Postgres.newDatabase();
        return JdbcStore.connect(url, "postgres", "");
    }

    @Override
    protected Store anotherNode() {
        other = JdbcStore.connect(url, "postgres", "");
        return other;
    }

    @AfterEach
    void closeStore() {
        ((JdbcStore) store).close();
        if (other != null) {
            other.close();
        }
    }
}
