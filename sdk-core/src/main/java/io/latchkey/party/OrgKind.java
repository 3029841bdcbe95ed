package io.latchkey.party;

/** What an organization is in the channel. */
public enum OrgKind {
    /** The vendor at the root of the channel: licensor, pool operator, service operator. One per deployment. */
    OPERATOR,
    /** A partner (dealer, reseller) under the operator or under another partner. */
    PARTNER,
    /** A customer company under a partner. */
    COMPANY
}
