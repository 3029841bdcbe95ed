package io.latchkey.notify;

import io.latchkey.store.Port;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage port for the outbox. Must be called inside a transaction.
 */
@Port(inMemory = InMemoryOutbox.class)
public interface OutboxRepository {

    /** Adds a message; a second message with the same idempotency key is ignored. */
    void insert(OutboxMessage message);

    /**
     * Claims up to {@code limit} PENDING messages due at {@code now}, oldest due first, by moving their
     * {@code nextAttemptAt} to {@code now + lease}, so that no other node claims them while this one
     * delivers. Rows another transaction holds are skipped, not waited for.
     */
    List<OutboxMessage> claimDue(Instant now, int limit, Duration lease);

    OutboxMessage update(OutboxMessage message);

    Optional<OutboxMessage> find(java.util.UUID id);

    /** How many messages are in each status, for health and metrics. */
    java.util.Map<OutboxStatus, Long> countByStatus();

    /**
     * Deletes up to {@code limit} SENT messages enqueued before {@code cutoff}, oldest first; returns how many.
     * Pending and failed messages stay.
     */
    int deleteSentBefore(Instant cutoff, int limit);
}
