package io.latchkey.jdbc;

import io.latchkey.notify.OutboxMessage;
import io.latchkey.notify.OutboxRepository;
import io.latchkey.notify.OutboxStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * The {@code outbox_message} table. Due messages are claimed with {@code FOR UPDATE SKIP LOCKED} and leased by
 * moving their next attempt, so that one node at a time delivers each.
 */
final class JdbiOutboxRepository implements OutboxRepository {

    static final Table<OutboxMessage> TABLE = Table.<OutboxMessage>named("outbox_message")
            .uuid("id", OutboxMessage::id)
            .text("idempotency_key", OutboxMessage::idempotencyKey)
            .bytes("sealed_payload", OutboxMessage::sealedPayload)
            .time("created_at", OutboxMessage::createdAt)
            .text("status", OutboxMessage::status)
            .integer("attempts", OutboxMessage::attempts)
            .time("next_attempt_at", OutboxMessage::nextAttemptAt)
            .text("last_error", OutboxMessage::lastError)
            .version(OutboxMessage::version, OutboxMessage::withVersion)
            .reads(r -> new OutboxMessage(r.uuid("id"), r.text("idempotency_key"), r.bytes("sealed_payload"),
                    r.time("created_at"), r.enumOf("status", OutboxStatus.class), r.integer("attempts"),
                    r.time("next_attempt_at"), r.text("last_error"), r.bigint("version")));

    private final Supplier<Handle> handle;
    private final Dialect dialect;

    JdbiOutboxRepository(Supplier<Handle> handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public void insert(OutboxMessage m) {
        // A repeat of a key is dropped by the statement itself: a failed insert would abort a PostgreSQL transaction.
        Table.bind(handle.get().createUpdate(dialect.insertOutboxUnlessKeyExists()), Map.of("id", m.id(),
                "key", m.idempotencyKey(), "payload", m.sealedPayload(), "createdAt", m.createdAt(),
                "status", m.status(), "attempts", m.attempts(), "nextAttemptAt", m.nextAttemptAt(),
                "version", m.version())).bind("lastError", Sql.argument(m.lastError(), java.sql.Types.VARCHAR))
                .execute();
    }

    @Override
    public List<OutboxMessage> claimDue(Instant now, int limit, Duration lease) {
        List<OutboxMessage> due = Claims.claim(handle.get(), dialect, TABLE,
                "status = 'PENDING' AND next_attempt_at <= :now", "next_attempt_at, id", limit, Map.of("now", now));
        List<OutboxMessage> claimed = new ArrayList<>(due.size());
        for (OutboxMessage m : due) {
            claimed.add(update(new OutboxMessage(m.id(), m.idempotencyKey(), m.sealedPayload(), m.createdAt(),
                    m.status(), m.attempts(), now.plus(lease), m.lastError(), m.version())));
        }
        return claimed;
    }

    @Override
    public OutboxMessage update(OutboxMessage m) {
        return TABLE.update(handle.get(), m);
    }

    @Override
    public Optional<OutboxMessage> find(UUID id) {
        return TABLE.one(handle.get(), "WHERE id = :id", Map.of("id", id));
    }

    @Override
    public int deleteSentBefore(Instant cutoff, int limit) {
        return Table.bind(handle.get().createUpdate("DELETE FROM outbox_message WHERE id IN (SELECT id FROM "
                + "outbox_message WHERE status = 'SENT' AND created_at < :cutoff ORDER BY created_at LIMIT :limit)"),
                Map.of("cutoff", cutoff, "limit", limit)).execute();
    }

    @Override
    public Map<OutboxStatus, Long> countByStatus() {
        Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
        for (OutboxStatus status : OutboxStatus.values()) {
            counts.put(status, 0L);
        }
        handle.get().createQuery("SELECT status, COUNT(*) AS n FROM outbox_message GROUP BY status")
                .map((rs, ctx) -> Map.entry(OutboxStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }
}
