package io.latchkey.party;

/** Where an organization stands. */
public enum OrganizationState {
    /** Works: it and its members appear in the channel. */
    OPEN,
    /** Closed for good: it disappears from every view and its members can no longer sign in. */
    CLOSED
}
