package io.latchkey.billing;

/** What a resident may do at one address of a profile, as the billing's account and service allow. */
public enum AddressState {
    /** An active account with a running intercom service: every feature. */
    FULL,
    /** A blocked account: the door key only. */
    DOOR_KEY_ONLY,
    /** A disabled account, an ended service, or a login no longer named: gone from the profile. */
    REMOVED
}
