package io.latchkey.lifecycle;

import io.latchkey.store.Port;
import java.util.List;

/**
 * Storage port for the journal: append-only, never updated or deleted. Must be called inside a transaction.
 */
@Port(inMemory = InMemoryJournal.class)
public interface JournalRepository {

    void append(JournalEntry entry);

    /** The entries of one aggregate, oldest first. */
    List<JournalEntry> history(String aggregateType, String aggregateId);
}
