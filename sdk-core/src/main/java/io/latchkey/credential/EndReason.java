package io.latchkey.credential;

/** Why an issuance ended. */
public enum EndReason {
    /** Its window ran out. */
    EXPIRED,
    /** A manager revoked it. */
    REVOKED
}
