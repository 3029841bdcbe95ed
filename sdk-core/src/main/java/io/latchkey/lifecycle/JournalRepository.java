package io.latchkey.lifecycle;

import io.latchkey.store.Port;
import java.util.List;
import java.util.UUID;

/**
 * Storage port for the journal: append-only, never updated or deleted. Must be called inside a transaction.
 */
@Port(inMemory = InMemoryJournal.class)
public interface JournalRepository {

    void append(JournalEntry entry);

    /**
     * A page of the entries of one aggregate, oldest first: those after {@code after} (from the first when it is
     * null), at most {@code limit}.
     */
    List<JournalEntry> history(String aggregateType, String aggregateId, UUID after, int limit);
}
