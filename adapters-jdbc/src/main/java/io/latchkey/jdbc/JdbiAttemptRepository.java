package io.latchkey.jdbc;

import io.latchkey.limits.AttemptCounter;
import io.latchkey.limits.AttemptRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** The {@code attempt_counter} table: a counter is locked ({@code FOR UPDATE}) while it is counted. */
final class JdbiAttemptRepository implements AttemptRepository {

    static final Table<AttemptCounter> TABLE = Table.<AttemptCounter>named("attempt_counter")
            .text("key_hash", AttemptCounter::key)
            .integer("attempts", AttemptCounter::attempts)
            .time("started_at", AttemptCounter::startedAt)
            .time("ends_at", AttemptCounter::endsAt)
            .integer("strikes", AttemptCounter::strikes)
            .version(AttemptCounter::version, (c, v) -> new AttemptCounter(c.key(), c.attempts(), c.startedAt(),
                    c.endsAt(), c.strikes(), v))
            .unique(KEY)
            .reads(r -> new AttemptCounter(r.text("key_hash"), r.integer("attempts"), r.time("started_at"),
                    r.time("ends_at"), r.integer("strikes"), r.bigint("version")));

    private final Supplier<Handle> handle;

    JdbiAttemptRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    @Override
    public Optional<AttemptCounter> lock(String key) {
        return TABLE.one(handle.get(), "WHERE key_hash = :key FOR UPDATE", Map.of("key", key));
    }

    @Override
    public void insert(AttemptCounter counter) {
        TABLE.insert(handle.get(), counter);
    }

    @Override
    public AttemptCounter update(AttemptCounter counter) {
        return TABLE.update(handle.get(), counter);
    }

    @Override
    public int deleteEndedBefore(Instant cutoff, int limit) {
        return Table.bind(handle.get().createUpdate("DELETE FROM attempt_counter WHERE key_hash IN "
                + "(SELECT key_hash FROM attempt_counter WHERE ends_at < :cutoff ORDER BY ends_at LIMIT :limit)"),
                Map.of("cutoff", cutoff, "limit", limit)).execute();
    }
}
