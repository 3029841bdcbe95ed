package io.latchkey.credential;

/** What can happen to a credential. */
public enum CredentialEvent {
    /** A manager issues it to a client for a window. */
    ISSUE,
    /** The client's phone exchanges the provisioning link for the signed credential document. */
    PROVISION,
    /** A manager sends a new provisioning link; the old one stops working. */
    RESEND,
    /** The window has started and the phone has the credential (timed). */
    ACTIVATE,
    /** The window has ended (timed). */
    EXPIRE,
    /** A manager ends it before its window does. */
    REVOKE,
    /** The cool-down after deactivation is over: back to the pool with a new provisioning secret (timed). */
    RETURN
}
