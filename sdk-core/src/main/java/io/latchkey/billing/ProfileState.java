package io.latchkey.billing;

/** Whether a platform profile (a resident's user on the intercom platform) exists now. */
public enum ProfileState {
    /** It has at least one address. */
    ACTIVE,
    /** Its last address went, and the user with it; it comes back if an address does. */
    REMOVED
}
