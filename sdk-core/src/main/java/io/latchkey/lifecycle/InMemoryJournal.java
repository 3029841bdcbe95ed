package io.latchkey.lifecycle;

import io.latchkey.store.InMemoryStore;
import java.util.List;
import java.util.UUID;

/** {@link JournalRepository} in an {@link InMemoryStore}: entries are inserted, never changed. */
final class InMemoryJournal extends InMemoryStore.Table<UUID, JournalEntry> implements JournalRepository {

    InMemoryJournal(InMemoryStore store) {
        super(store, JournalEntry::id);
    }

    @Override
    public void append(JournalEntry entry) {
        insert(entry);
    }

    @Override
    public List<JournalEntry> history(String aggregateType, String aggregateId, UUID after, int limit) {
        return page(e -> e.aggregateType().equals(aggregateType) && e.aggregateId().equals(aggregateId), after,
                limit);
    }
}
