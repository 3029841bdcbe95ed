package io.latchkey.party;

/** Where a connection request stands. */
public enum ConnectionState {
    /** Sent, waiting for the receiving organization. */
    PENDING,
    /** Accepted: the connection holds. */
    APPROVED,
    /** Turned down by the receiving organization. */
    REJECTED,
    /** Taken back by the requester before a decision. */
    WITHDRAWN,
    /** Held once, and ended: the company moved to another partner. */
    ENDED
}
