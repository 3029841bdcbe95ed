package io.latchkey.access;

/** What a member may do in its organization. Permissions name the roles they need. */
public enum Role {
    /** The person who registered a company; never changes hands. */
    OWNER,
    /** Manages the organization: users, requisites, and everything a manager does. */
    ADMIN,
    /** Does the daily work: orders, clients, issuing and revoking. */
    MANAGER,
    /** A service engineer: moves devices along their lifecycle and assigns them to partners. */
    ENGINEER
}
