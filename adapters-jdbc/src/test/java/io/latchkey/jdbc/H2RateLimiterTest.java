package io.latchkey.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.latchkey.crypto.InMemoryKeyStore;
import io.latchkey.crypto.RandomSource;
import io.latchkey.crypto.Sealer;
import io.latchkey.limits.Limit;
import io.latchkey.limits.RateLimiterContractTest;
import io.latchkey.limits.StoredRateLimiter;
import io.latchkey.store.Store;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The rate limiter contract on counters kept in H2, and what the table holds. */
class H2RateLimiterTest extends RateLimiterContractTest {

    private String url;

    @Override
    protected Store newStore() {
        url = H2.newDatabase();
        return JdbcStore.connect(url, "sa", "");
    }

    @Override
    protected Store anotherNode() {
        return JdbcStore.connect(url, "sa", "");
    }

    @Test
    void noSubjectIsStoredInClear() {
        StoredRateLimiter limiter = new StoredRateLimiter(store, new Sealer(InMemoryKeyStore.generate(
                RandomSource.seeded(1)), RandomSource.seeded(2)), clock);
        limiter.attempt(Limit.SIGN_IN_ACCOUNT, "alice@example.test");
        limiter.attempt(Limit.SIGN_IN_SOURCE, "203.0.113.7");

        List<String> keys = Jdbi.create(url, "sa", "").withHandle(h -> h.createQuery(
                "SELECT key_hash FROM attempt_counter").mapTo(String.class).list());
        assertEquals(2, keys.size());
        for (String key : keys) {
            assertEquals(64, key.length());
            assertFalse(key.contains("alice") || key.contains("203.0.113"), key);
        }
    }
}
