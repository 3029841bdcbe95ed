package io.latchkey.jdbc;

import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.lifecycle.JournalRepository;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** The append-only {@code journal_entry} table. */
final class JdbiJournalRepository implements JournalRepository {

    private final Supplier<Handle> handle;

    JdbiJournalRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    @Override
    public void append(JournalEntry e) {
        Sql.execute(handle.get().createUpdate("INSERT INTO journal_entry (id, recorded_at, aggregate_type, "
                        + "aggregate_id, actor, event, from_state, to_state, reason) VALUES (:id, :at, :type, "
                        + ":aggregate, :actor, :event, :from, :to, :reason)")
                .bind("id", Sql.uuid(e.id()))
                .bind("at", Sql.instant(e.at()))
                .bind("type", e.aggregateType())
                .bind("aggregate", e.aggregateId())
                .bind("actor", e.actor())
                .bind("event", e.event())
                .bind("from", Sql.text(e.fromState()))
                .bind("to", e.toState())
                .bind("reason", Sql.text(e.reason())), Map.of());
    }

    @Override
    public List<JournalEntry> history(String aggregateType, String aggregateId) {
        return handle.get().createQuery("SELECT id, recorded_at, aggregate_type, aggregate_id, actor, event, "
                        + "from_state, to_state, reason FROM journal_entry WHERE aggregate_type = :type "
                        + "AND aggregate_id = :aggregate ORDER BY id")
                .bind("type", aggregateType).bind("aggregate", aggregateId)
                .map((rs, ctx) -> new JournalEntry(Sql.uuid(rs, "id"), Sql.instant(rs, "recorded_at"),
                        rs.getString("aggregate_type"), rs.getString("aggregate_id"), rs.getString("actor"),
                        rs.getString("event"), rs.getString("from_state"), rs.getString("to_state"),
                        rs.getString("reason")))
                .list();
    }
}
