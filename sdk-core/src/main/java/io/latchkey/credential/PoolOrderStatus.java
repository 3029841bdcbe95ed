package io.latchkey.credential;

/** Where a pool order stands. */
public enum PoolOrderStatus {
    /** Placed by the partner, waiting for the operator or the dealer. */
    NEW,
    /** Fulfilled: its credentials were minted into the partner's pool. */
    COMPLETED,
    /** Turned down; nothing was minted. */
    REJECTED
}
