package io.latchkey.party;

/** What can happen to an organization. */
public enum OrganizationEvent {
    /** Its requisites are replaced. */
    EDIT_REQUISITES,
    /** Its owner registers the company as a seller of service packages. */
    REGISTER_SELLER,
    /** It moves under another partner, because that partner approved its connection request. */
    MOVE,
    /** It is closed for good. */
    CLOSE
}
