package io.latchkey.notify;

import io.latchkey.store.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link OutboxRepository} in an {@link InMemoryStore}. */
final class InMemoryOutbox implements OutboxRepository {

    private final InMemoryStore.Table<UUID, OutboxMessage> messages;
    private final InMemoryStore.Unique<String, UUID, OutboxMessage> byKey;

    InMemoryOutbox(InMemoryStore store) {
        this.messages = store.table(OutboxMessage::id, OutboxMessage::version);
        this.byKey = messages.unique(OutboxMessage::idempotencyKey,
                m -> new IllegalStateException("outbox key " + m.idempotencyKey() + " exists already"));
    }

    @Override
    public void insert(OutboxMessage message) {
        if (byKey.find(message.idempotencyKey()).isEmpty()) {
            messages.insert(message);
        }
    }

    @Override
    public List<OutboxMessage> claimDue(Instant now, int limit, Duration lease) {
        List<OutboxMessage> due = messages.rows()
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
    public OutboxMessage update(OutboxMessage message) {
        return messages.update(message, message::withVersion);
    }

    @Override
    public Optional<OutboxMessage> find(UUID id) {
        return messages.find(id);
    }

    @Override
    public Map<OutboxStatus, Long> countByStatus() {
        Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
        for (OutboxStatus status : OutboxStatus.values()) {
            counts.put(status, messages.rows().filter(m -> m.status() == status).count());
        }
        return counts;
    }
}
