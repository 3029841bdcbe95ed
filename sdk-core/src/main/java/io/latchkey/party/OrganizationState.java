package io.latchkey.party;

/** Where an organization stands. */
public enum OrganizationState {
    /** A partner that applied to join (a reseller a seller invited): waits for the operator to approve it. */
    APPLIED,
    /**
     * A partner the operator made (or approved) whose first administrator has not confirmed its account yet: it
     * is not on the list of partners and cannot be sold to until then.
     */
    PENDING,
    /** Works: it and its members appear in the channel. */
    OPEN,
    /** Closed for good: it disappears from every view and its members can no longer sign in. */
    CLOSED
}
