package io.latchkey.party;

/** What can happen to a connection request. */
public enum ConnectionEvent {
    /** The receiving organization accepts. */
    APPROVE,
    /** The company's owner, confirming its account, accepts the partner that registered the company. */
    CONSENT,
    /** The receiving organization declines. */
    REJECT,
    /** The requester takes it back. */
    WITHDRAW,
    /** An approved connection is superseded (the company's new partner approved). */
    END
}
