package io.latchkey.party;

/** What can happen to a member's account. */
public enum MemberEvent {
    /** The invitation link is used and a password set. */
    CONFIRM,
    /** The operator's first administrator is made active at bootstrap, with the password the host gave. */
    BOOTSTRAP,
    /** A new invitation goes out; the previous link stops working. */
    REINVITE,
    /** An invitation sent to a mistyped address goes to the corrected one; the previous link stops working. */
    CORRECT_EMAIL,
    /** An administrator changes the member's details (name, language, phone). */
    EDIT_DETAILS,
    /** The member, signed in, changes its own details. */
    EDIT_OWN_DETAILS,
    /** The new address of an active member confirms itself with the link sent to it. */
    CONFIRM_EMAIL,
    /** An administrator changes the member's roles. */
    CHANGE_ROLES,
    /** The member sets a new password: with the current one, or with a reset link. */
    CHANGE_PASSWORD,
    /** The member, signed in, takes up an invitation to work for another organization. */
    EMPLOY,
    /** An administrator switches the account off. */
    DISABLE,
    /** An administrator switches it on again. */
    ENABLE
}
