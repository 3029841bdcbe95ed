package io.latchkey.jdbc;

import io.latchkey.notify.OutboxMessage;
import io.latchkey.notify.OutboxRepository;
import io.latchkey.notify.OutboxStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private static final String COLUMNS = "id, idempotency_key, sealed_payload, created_at, status, attempts, "
            + "next_attempt_at, last_error, version";

    private final Supplier<Handle> handle;
    private final Dialect dialect;

    JdbiOutboxRepository(Supplier<Handle> handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public void insert(OutboxMessage m) {
        // A repeat of a key is dropped by the statement itself: a failed insert would abort a PostgreSQL transaction.
        handle.get().createUpdate(dialect.insertOutboxUnlessKeyExists())
                .bind("id", Sql.uuid(m.id()))
                .bind("key", m.idempotencyKey())
                .bind("payload", m.sealedPayload())
                .bind("createdAt", Sql.instant(m.createdAt()))
                .bind("status", m.status().name())
                .bind("attempts", m.attempts())
                .bind("nextAttemptAt", Sql.instant(m.nextAttemptAt()))
                .bind("lastError", Sql.text(m.lastError()))
                .bind("version", m.version())
                .execute();
    }

    @Override
    public List<OutboxMessage> claimDue(Instant now, int limit, Duration lease) {
        List<OutboxMessage> due = Claims.claim(handle.get(), dialect, "outbox_message", COLUMNS,
                "status = 'PENDING' AND next_attempt_at <= :now", "next_attempt_at, id", limit,
                query -> query.bind("now", Sql.instant(now)), (rs, ctx) -> read(rs));
        List<OutboxMessage> claimed = new ArrayList<>(due.size());
        for (OutboxMessage m : due) {
            claimed.add(update(new OutboxMessage(m.id(), m.idempotencyKey(), m.sealedPayload(), m.createdAt(),
                    m.status(), m.attempts(), now.plus(lease), m.lastError(), m.version())));
        }
        return claimed;
    }

    @Override
    public OutboxMessage update(OutboxMessage m) {
        Sql.updateVersioned(handle.get().createUpdate("UPDATE outbox_message SET status = :status, "
                        + "attempts = :attempts, next_attempt_at = :nextAttemptAt, last_error = :lastError, "
                        + "version = version + 1 WHERE id = :id AND version = :version")
                .bind("id", Sql.uuid(m.id()))
                .bind("status", m.status().name())
                .bind("attempts", m.attempts())
                .bind("nextAttemptAt", Sql.instant(m.nextAttemptAt()))
                .bind("lastError", Sql.text(m.lastError()))
                .bind("version", m.version()), "outbox message", m.id());
        return m.withVersion(m.version() + 1);
    }

    @Override
    public Optional<OutboxMessage> find(UUID id) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM outbox_message WHERE id = :id")
                .bind("id", Sql.uuid(id)).map((rs, ctx) -> read(rs)).findOne();
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

    private static OutboxMessage read(ResultSet rs) throws SQLException {
        return new OutboxMessage(Sql.uuid(rs, "id"), rs.getString("idempotency_key"), rs.getBytes("sealed_payload"),
                Sql.instant(rs, "created_at"), OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                Sql.instant(rs, "next_attempt_at"), rs.getString("last_error"), rs.getLong("version"));
    }
}
