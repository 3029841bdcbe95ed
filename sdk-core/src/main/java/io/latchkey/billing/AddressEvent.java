package io.latchkey.billing;

/** What the billing's changes do to an address of a profile. */
public enum AddressEvent {
    /** The account was blocked: the door key only. */
    RESTRICT,
    /** The account is active with a running service again: every feature. */
    RESTORE,
    /** The account was disabled, its service ended, or its login removed. */
    REMOVE,
    /** A removed address came back, with every feature. */
    RELINK_FULL,
    /** A removed address came back, blocked: the door key only. */
    RELINK_DOOR_KEY_ONLY,
    /** Its address text or its login (and so its profile) changed. */
    MOVE
}
