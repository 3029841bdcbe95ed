package io.latchkey.notify;

import io.latchkey.store.InMemoryStore;
import io.latchkey.store.UniqueKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link OutboxRepository} in an {@link InMemoryStore}. */
final class InMemoryOutbox extends InMemoryStore.Table<UUID, OutboxMessage> implements OutboxRepository {

    /** The index of keys; inserts skip a key that is there already, so its refusal is never given. */
    private static final UniqueKey<OutboxMessage> KEY = new UniqueKey<>("outbox_message_key_unique",
            OutboxMessage::idempotencyKey, m -> new IllegalStateException("outbox key " + m.idempotencyKey()));

    private final InMemoryStore.Index<String, UUID, OutboxMessage> byKey;

    InMemoryOutbox(InMemoryStore store) {
        super(store, OutboxMessage::id, OutboxMessage::version, OutboxMessage::withVersion);
        this.byKey = unique(KEY);
    }

    @Override
    public void insert(OutboxMessage message) {
        if (byKey.find(message.idempotencyKey()).isEmpty()) {
            super.insert(message);
        }
    }

    @Override
    public List<OutboxMessage> claimDue(Instant now, int limit, Duration lease) {
        List<OutboxMessage> due = rows()
                .filter(m -> m.status() == OutboxStatus.PENDING && !m.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(OutboxMessage::nextAttemptAt).thenComparing(OutboxMessage::id))
                .limit(limit).toList();
        List<OutboxMessage> claimed = new ArrayList<>(due.size());
        for (OutboxMessage m : due) {
            claimed.add(update(m.next(m.status(), m.attempts(), now.plus(lease), m.lastError())));
        }
        return claimed;
    }

    @Override
    public int deleteSentBefore(Instant cutoff, int limit) {
        List<OutboxMessage> old = rows().filter(m -> m.status() == OutboxStatus.SENT && m.createdAt().isBefore(cutoff))
                .sorted(Comparator.comparing(OutboxMessage::createdAt)).limit(limit).toList();
        old.forEach(m -> delete(m.id()));
        return old.size();
    }

    @Override
    public Map<OutboxStatus, Long> countByStatus() {
        Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
        for (OutboxStatus status : OutboxStatus.values()) {
            counts.put(status, rows().filter(m -> m.status() == status).count());
        }
        return counts;
    }
}
