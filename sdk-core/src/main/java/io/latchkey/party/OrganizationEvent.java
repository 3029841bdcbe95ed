package io.latchkey.party;

/** What can happen to an organization. */
public enum OrganizationEvent {
    /** The operator approves a partner that applied: it joins the channel. */
    APPROVE,
    /** The operator turns down a partner that applied: it is closed. */
    REJECT,
    /** Its first administrator confirms its account: a pending partner starts working. */
    ACTIVATE,
    /** Its requisites are replaced. */
    EDIT_REQUISITES,
    /** Its owner registers the company as a seller of service packages. */
    REGISTER_SELLER,
    /** It moves under another partner, because that partner approved its connection request. */
    MOVE,
    /** It is closed for good. */
    CLOSE
}
