package io.latchkey.subscription;

/** What can happen to a subscription. */
public enum SubscriptionEvent {
    /** Deactivate at the end of the month. */
    DEACTIVATE,
    /** Take the deactivation back, any time before the 1st. */
    RESUME,
    /** Stop now; the SIM is deactivated at once. */
    STOP,
    /** The 1st of the next month has come (timed). */
    END
}
