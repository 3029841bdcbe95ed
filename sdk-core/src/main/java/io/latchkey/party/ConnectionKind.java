package io.latchkey.party;

/** What a connection between two organizations means. */
public enum ConnectionKind {
    /**
     * A company asks a partner to serve it (like signing a contract). A company has one partner at a time:
     * once the new partner approves, the company moves under it and its previous connection ends.
     */
    COMPANY_TO_PARTNER,
    /** A seller asks a reseller to be invoiced through it. A seller may have several resellers. */
    SELLER_TO_RESELLER
}
