package io.latchkey.billing;

/** What happens to a platform profile. */
public enum ProfileEvent {
    /** Its last address went. */
    REMOVE,
    /** An address came back to it. */
    RESTORE
}
