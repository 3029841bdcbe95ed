package io.latchkey.credential;

/** Where a credential (a mobile label) stands. */
public enum CredentialState {
    /** In the partner's pool, ready to be issued. */
    FREE,
    /** Issued to a client; not active until its window has started and the phone has downloaded it. */
    NEW,
    /** Its window has started and the phone has it: it opens doors. */
    ACTIVATED,
    /** Its window ended or it was revoked; it returns to the pool after the cool-down. */
    DEACTIVATED
}
