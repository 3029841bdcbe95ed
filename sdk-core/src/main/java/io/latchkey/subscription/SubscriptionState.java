package io.latchkey.subscription;

/** Where a subscription stands. */
public enum SubscriptionState {
    /** Running, billed every month. */
    ACTIVE,
    /** Deactivated: it stays active to the end of the month and ends on the 1st at 00:00 in the seller's zone. */
    EXPIRES_SOON,
    /** Over. Final. */
    ENDED
}
