package io.latchkey.party;

/** What can happen to a member's account. */
public enum MemberEvent {
    /** The invitation link is used and a password set. */
    CONFIRM,
    /** A new invitation goes out; the previous link stops working. */
    REINVITE,
    /** An administrator switches the account off. */
    DISABLE,
    /** An administrator switches it on again. */
    ENABLE
}
