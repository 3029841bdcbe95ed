package io.latchkey.jdbc;

import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.lifecycle.JournalRepository;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** The append-only {@code journal_entry} table. */
final class JdbiJournalRepository implements JournalRepository {

    static final Table<JournalEntry> TABLE = Table.<JournalEntry>named("journal_entry")
            .uuid("id", JournalEntry::id)
            .time("recorded_at", JournalEntry::at)
            .text("aggregate_type", JournalEntry::aggregateType)
            .text("aggregate_id", JournalEntry::aggregateId)
            .text("actor", JournalEntry::actor)
            .text("event", JournalEntry::event)
            .text("from_state", JournalEntry::fromState)
            .text("to_state", JournalEntry::toState)
            .text("reason", JournalEntry::reason)
            .reads(r -> new JournalEntry(r.uuid("id"), r.time("recorded_at"), r.text("aggregate_type"),
                    r.text("aggregate_id"), r.text("actor"), r.text("event"), r.text("from_state"), r.text("to_state"),
                    r.text("reason")));

    private final Supplier<Handle> handle;

    JdbiJournalRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    @Override
    public void append(JournalEntry entry) {
        TABLE.insert(handle.get(), entry);
    }

    @Override
    public List<JournalEntry> history(String aggregateType, String aggregateId, UUID after, int limit) {
        return TABLE.page(handle.get(), "WHERE aggregate_type = :type AND aggregate_id = :aggregate",
                Map.of("type", aggregateType, "aggregate", aggregateId), after, limit);
    }
}
