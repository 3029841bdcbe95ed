package io.latchkey.notify;

/** Where an outbox message stands. */
public enum OutboxStatus {
    /** Waiting for its next delivery attempt. */
    PENDING,
    /** Delivered. */
    SENT,
    /** Given up: declined, or out of attempts. Kept for an operator to look at. */
    FAILED
}
