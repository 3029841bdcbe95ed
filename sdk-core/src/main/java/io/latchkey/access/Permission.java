package io.latchkey.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every action that needs a permission, with the roles that grant it and the {@link Scope} in which they do.
 * This table is the whole authorization policy of the SDK; {@link Access} applies it.
 */
public enum Permission {
    /** Read an organization, its members and what it holds. */
    VIEW(Scope.CHANNEL, Role.ADMIN, Role.MANAGER, Role.ENGINEER),
    /** Create an organization below one's own (the operator creates partners). */
    ORGANIZATION_CREATE(Scope.CHANNEL, Role.ADMIN),
    /** Edit an organization's requisites, firms and sites (its own ADMIN, or an upstream one). */
    REQUISITES_EDIT(Scope.CHANNEL, Role.ADMIN),
    /** Add members and change their roles (upstream too: the operator creates a partner with its first user). */
    MEMBER_MANAGE(Scope.CHANNEL, Role.ADMIN),
    /** Order pool capacity for one's own pool. */
    POOL_ORDER_PLACE(Scope.OWN, Role.ADMIN, Role.MANAGER),
    /** Complete or reject a pool order placed below. */
    POOL_ORDER_DECIDE(Scope.UPSTREAM, Role.ADMIN, Role.MANAGER),
    /** Create and edit clients. */
    CLIENT_MANAGE(Scope.OWN, Role.ADMIN, Role.MANAGER),
    /** Issue a credential from one's own pool, and re-send its link. */
    CREDENTIAL_ISSUE(Scope.OWN, Role.ADMIN, Role.MANAGER),
    /** Revoke an issued credential (the operator may too: a lost phone reported to it). */
    CREDENTIAL_REVOKE(Scope.CHANNEL, Role.ADMIN, Role.MANAGER),
    /** Ask another organization for a connection (a company its partner, a seller a reseller), or withdraw it. */
    CONNECTION_REQUEST(Scope.OWN, Role.ADMIN),
    /** Approve or reject a connection request one's organization received. */
    CONNECTION_DECIDE(Scope.OWN, Role.ADMIN),
    /** Mint licenses: the licensor (the operator) only. */
    LICENSE_MINT(Scope.OWN, Role.ADMIN),
    /** Post documents that reveal or sell licenses one's organization holds, and send or print them. */
    LICENSE_TRADE(Scope.OWN, Role.ADMIN, Role.MANAGER),
    /** Activate or deactivate a license on a device: granted by presenting its code, never by a role. */
    LICENSE_ACTIVATE(Scope.OWN),
    /** Register one's company as a seller, and grant or revoke service managers: the owner only. */
    SELLER_MANAGE(Scope.OWN, Role.OWNER),
    /** Keep the catalog of service packages: the operator. */
    PACKAGE_MANAGE(Scope.OWN, Role.ADMIN),
    /** Add hubs to sites and activate, deactivate, resume and stop subscriptions on them. */
    SUBSCRIPTION_MANAGE(Scope.OWN, Role.INSTALLER, Role.SERVICE_MANAGER, Role.SENIOR_SERVICE_MANAGER),
    /** Close an organization for good: its own or an upstream ADMIN. */
    ORGANIZATION_CLOSE(Scope.CHANNEL, Role.ADMIN),
    /** Confirm one's own account: granted by presenting a valid invitation link, never by a role. */
    ACCOUNT_CONFIRM(Scope.OWN),
    /** Take a credential onto a phone: granted by presenting a valid provisioning link, never by a role. */
    CREDENTIAL_PROVISION(Scope.OWN),
    /** Register a new device (the operator's factory side). */
    DEVICE_CREATE(Scope.OWN, Role.ADMIN, Role.ENGINEER),
    /** Move a device to its next status, with the engineer's password again. */
    DEVICE_ADVANCE(Scope.OWN, Role.ADMIN, Role.ENGINEER),
    /** Take a device out of service for good (ADMIN from any status; an ENGINEER from the field statuses). */
    DEVICE_DECOMMISSION(Scope.OWN, Role.ADMIN, Role.ENGINEER),
    /** Set any status by hand, with a reason. */
    DEVICE_SET_STATUS(Scope.OWN, Role.ADMIN),
    /** Make a partner responsible for a device. */
    DEVICE_ASSIGN(Scope.OWN, Role.ADMIN, Role.ENGINEER),
    /** Claim a device for one's partner, with the password printed on it. */
    DEVICE_CLAIM(Scope.OWN, Role.ADMIN, Role.MANAGER, Role.ENGINEER),
    /** Fill in where a device stands and for whom (the responsible partner, or the operator). */
    DEVICE_EDIT(Scope.CHANNEL, Role.ADMIN, Role.MANAGER, Role.ENGINEER),
    /** A device's first connection puts it into operation: granted to the device itself, never by a role. */
    DEVICE_REPORT(Scope.OWN);

    private final Scope scope;
    private final Set<Role> roles;

    Permission(Scope scope, Role... roles) {
        this.scope = scope;
        this.roles = roles.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(roles[0], roles));
    }

    public Scope scope() {
        return scope;
    }

    /** The roles of which the actor needs at least one; empty if a token, not a role, grants it. */
    public Set<Role> roles() {
        return roles;
    }
}
