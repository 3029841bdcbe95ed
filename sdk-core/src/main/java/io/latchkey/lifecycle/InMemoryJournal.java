package io.latchkey.lifecycle;

import io.latchkey.store.InMemoryStore;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** {@link JournalRepository} in an {@link InMemoryStore}. */
final class InMemoryJournal implements JournalRepository {

    private final InMemoryStore.Table<UUID, JournalEntry> entries;

    InMemoryJournal(InMemoryStore store) {
        this.entries = store.table(JournalEntry::id, null);
    }

    @Override
    public void append(JournalEntry entry) {
        entries.insert(entry);
    }

    @Override
    public List<JournalEntry> history(String aggregateType, String aggregateId) {
        return entries.rows()
                .filter(e -> e.aggregateType().equals(aggregateType) && e.aggregateId().equals(aggregateId))
                .sorted(Comparator.comparing(JournalEntry::id)).toList();
    }
}
