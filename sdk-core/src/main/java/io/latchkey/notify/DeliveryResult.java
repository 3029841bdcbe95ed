package io.latchkey.notify;

/**
 * How a delivery attempt ended. Like a payment plugin's status: it succeeded, it was declined for good,
 * or it is unknown whether it happened (retry with the same idempotency key).
 */
public sealed interface DeliveryResult {

    /** The message was handed over. */
    record Delivered() implements DeliveryResult {
    }

    /** The message can never be delivered (e.g. the address does not exist); it is not retried. */
    record Declined(String reason) implements DeliveryResult {
    }

    /** A transient failure, or an outcome not known; the outbox retries with back-off. */
    record Unknown(String reason) implements DeliveryResult {
    }

    static DeliveryResult delivered() {
        return new Delivered();
    }
}
