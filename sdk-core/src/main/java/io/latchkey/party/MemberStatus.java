package io.latchkey.party;

/** Where a member's account stands. */
public enum MemberStatus {
    /** Invited by e-mail; cannot sign in until it confirms and sets a password. */
    INVITED,
    /** Can sign in. */
    ACTIVE,
    /** Switched off by an administrator; cannot sign in. */
    DISABLED
}
