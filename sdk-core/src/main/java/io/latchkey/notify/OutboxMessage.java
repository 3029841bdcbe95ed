package io.latchkey.notify;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A notification waiting to be delivered, written in the same transaction as the change that caused it.
 * The notification itself is sealed ({@link io.latchkey.crypto.Sealer}): its links carry tokens, which are
 * never at rest in clear.
 *
 * @param id             time-ordered id
 * @param idempotencyKey the same for every delivery attempt; unique
 * @param sealedPayload  the sealed, encoded notification
 * @param createdAt      when it was written
 * @param status         pending, sent or failed
 * @param attempts       delivery attempts so far
 * @param nextAttemptAt  when it is due (also the end of a sending node's lease)
 * @param lastError      the last failure's reason, if any
 * @param version        optimistic version
 */
public record OutboxMessage(UUID id, String idempotencyKey, byte[] sealedPayload, Instant createdAt,
                            OutboxStatus status, int attempts, Instant nextAttemptAt, String lastError, long version) {

    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(sealedPayload, "sealedPayload");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    /** The longest last error kept: a mail server's or an exception's message can be any length. */
    static final int MAX_ERROR = 2000;

    OutboxMessage next(OutboxStatus newStatus, int newAttempts, Instant due, String error) {
        String kept = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
        return new OutboxMessage(id, idempotencyKey, sealedPayload, createdAt, newStatus, newAttempts, due, kept,
                version);
    }

    /** The same message with another version; for stores. */
    public OutboxMessage withVersion(long version) {
        return new OutboxMessage(id, idempotencyKey, sealedPayload, createdAt, status, attempts, nextAttemptAt,
                lastError, version);
    }

    /** Without the sealed payload. */
    @Override
    public String toString() {
        return "OutboxMessage[" + id + ", " + status + ", attempts " + attempts + "]";
    }
}
