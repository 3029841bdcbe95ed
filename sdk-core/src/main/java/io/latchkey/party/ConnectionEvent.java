package io.latchkey.party;

/** What can happen to a connection request. */
public enum ConnectionEvent {
    /** The receiving organization accepts. */
    APPROVE,
    /** The receiving organization declines. */
    REJECT,
    /** The requester takes it back. */
    WITHDRAW,
    /** An approved connection is superseded (the company's new partner approved). */
    END
}
