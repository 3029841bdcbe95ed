package io.latchkey.billing;

/** What the billing allows an account (an apartment's line) now. */
public enum AccessState {
    /** Paid up and open. */
    ACTIVE,
    /** Blocked: not enough money on the agreement. */
    BLOCKED_BALANCE,
    /** Blocked at the subscriber's own request. */
    BLOCKED_BY_USER,
    /** Blocked by the billing's administrator. */
    BLOCKED_BY_ADMIN,
    /** Blocked: its limit is used up. */
    LIMIT_EXHAUSTED,
    /** Switched off. */
    DISABLED;

    /** Whether it is one of the blocks, which leave the door key only. */
    public boolean blocked() {
        return this != ACTIVE && this != DISABLED;
    }
}
