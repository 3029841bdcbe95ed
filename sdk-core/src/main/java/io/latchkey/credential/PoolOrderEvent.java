package io.latchkey.credential;

/** What can happen to a pool order. */
public enum PoolOrderEvent {
    /** The operator or dealer fulfils it. */
    COMPLETE,
    /** The operator or dealer turns it down. */
    REJECT
}
