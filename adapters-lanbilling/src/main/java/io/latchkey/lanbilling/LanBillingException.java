package io.latchkey.lanbilling;

/**
 * A call to LANBilling that did not give an answer to use, by kind: the sync turns it into
 * {@code BILLING_UNAVAILABLE}, a write into {@link io.latchkey.billing.GatewayResult.Declined} (the billing said
 * no) or {@link io.latchkey.billing.GatewayResult.Unknown} (no telling whether it happened).
 */
public final class LanBillingException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** The session is not (or no longer) valid: "Client not authorized". */
        NOT_AUTHORIZED,
        /** The billing refuses a change inside a closed period: "There is period lock …". */
        PERIOD_LOCK,
        /** Any other fault the billing answered with: a refusal. */
        FAULT,
        /** The answer is not the SOAP this adapter reads: not XML, no body, a missing element. */
        MALFORMED,
        /** No answer: refused connection, time-out, an HTTP error. */
        UNREACHABLE,
        /** The installation lacks an operation this adapter needs. */
        MISSING_OPERATION
    }

    private final Kind kind;

    public LanBillingException(Kind kind, String message) {
        super(kind + ": " + message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
