package io.latchkey.billing;

/**
 * How a write to the billing ended: it succeeded (with the id of what it made or changed), was declined for good,
 * or it is unknown whether it happened: retry with the same idempotency key.
 */
public sealed interface GatewayResult {

    /** Done; {@code id} names what was made or changed. */
    record Succeeded(String id) implements GatewayResult {
    }

    /** Refused for good (a period lock, an unknown tariff, …); never retried. */
    record Declined(String reason) implements GatewayResult {
    }

    /** A transient failure, or an outcome not known; retry with the same idempotency key. */
    record Unknown(String reason) implements GatewayResult {
    }
}
