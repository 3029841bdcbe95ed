package io.latchkey.access;

/** What a member may do in its organization. Permissions name the roles they need. */
public enum Role implements Grantee {
    /** The person who registered a company; never changes hands. */
    OWNER,
    /** Manages the organization: users, requisites, and everything a manager does. */
    ADMIN,
    /** Does the daily work: orders, clients, issuing and revoking. */
    MANAGER,
    /** A service engineer: moves devices along their lifecycle and assigns them to partners. */
    ENGINEER,
    /** A seller's senior service manager: manages subscriptions (the same rights as a service manager today). */
    SENIOR_SERVICE_MANAGER,
    /** A seller's service manager: manages subscriptions and hubs. */
    SERVICE_MANAGER,
    /** A seller's installer: installs hubs and activates subscriptions on them. */
    INSTALLER
}
