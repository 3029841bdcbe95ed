package io.latchkey.access;

import static io.latchkey.access.Bearer.ITSELF;
import static io.latchkey.access.Bearer.ITS_CUSTOMER;
import static io.latchkey.access.Bearer.KERNEL;
import static io.latchkey.access.Bearer.SECRET;
import static io.latchkey.access.Role.ADMIN;
import static io.latchkey.access.Role.ENGINEER;
import static io.latchkey.access.Role.INSTALLER;
import static io.latchkey.access.Role.MANAGER;
import static io.latchkey.access.Role.OWNER;
import static io.latchkey.access.Role.SENIOR_SERVICE_MANAGER;
import static io.latchkey.access.Role.SERVICE_MANAGER;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every action that needs a permission, with who holds it (members by {@link Role}, within a {@link Scope};
 * or a {@link Bearer}). This table is the whole authorization policy of the SDK: every read and every step
 * names one, and {@link Access} applies it.
 */
public enum Permission {
    /**
     * Read an organization, its members, firms, sites, orders, clients, credentials, documents and licenses: its
     * people and those above it. A seller's service managers see its dashboard (members, sites, hubs).
     */
    VIEW(Scope.CHANNEL, ADMIN, MANAGER, ENGINEER, SENIOR_SERVICE_MANAGER, SERVICE_MANAGER),
    /** Read a device's card and journal: the responsible partner, the operator, the device itself, its owner. */
    DEVICE_VIEW(Scope.CHANNEL, ADMIN, MANAGER, ENGINEER, ITSELF, ITS_CUSTOMER),
    /** Read a seller's hubs and subscriptions: its staff, and those above it. */
    SUBSCRIPTION_VIEW(Scope.CHANNEL, ADMIN, MANAGER, ENGINEER, OWNER, SENIOR_SERVICE_MANAGER, SERVICE_MANAGER,
            INSTALLER),
    /**
     * Create a partner, and approve or turn down one that applied: the operator (licensor) only, so that no
     * partner can make a partner of its own and fill its pool.
     */
    PARTNER_CREATE(Scope.OPERATOR, ADMIN),
    /** Create a company below one's own organization (a partner for a customer), or below one under it. */
    COMPANY_CREATE(Scope.CHANNEL, ADMIN),
    /** Edit an organization's requisites, firms and sites (its own ADMIN, or an upstream one). */
    REQUISITES_EDIT(Scope.CHANNEL, ADMIN),
    /**
     * Add members, change their roles, correct a mistyped invitation address, switch them off and on: the
     * organization's own ADMIN, and the operator's for a partner (it creates partners with their first users);
     * never an upstream one for a company, whose people are its own.
     */
    MEMBER_MANAGE(Scope.OWN_OR_OPERATOR, ADMIN),
    /** Change one's own details (name, language, phone, address): the member itself, signed in. */
    PROFILE_EDIT(Scope.OWN, SECRET),
    /** Change one's own password (with the current one) or set a new one (with a reset link). */
    PASSWORD_CHANGE(Scope.OWN, SECRET),
    /** Confirm one's own account: granted by presenting a valid invitation link, never by a role. */
    ACCOUNT_CONFIRM(Scope.OWN, SECRET),
    /** Take up work for another organization: granted by presenting its invitation link while signed in. */
    EMPLOYMENT_ACCEPT(Scope.OWN, SECRET),
    /** Close an organization for good: its own or an upstream ADMIN. */
    ORGANIZATION_CLOSE(Scope.CHANNEL, ADMIN),
    /**
     * Ask another organization for a connection (a company its partner, a seller a reseller), or withdraw it: an
     * ADMIN, or a seller's service manager (the seed: they manage the requests between sellers and resellers).
     */
    CONNECTION_REQUEST(Scope.OWN, ADMIN, SENIOR_SERVICE_MANAGER, SERVICE_MANAGER),
    /** Approve or reject a connection request one's organization received. */
    CONNECTION_DECIDE(Scope.OWN, ADMIN),
    /** A company's owner, confirming its account, consents to the partner that registered the company. */
    CONNECTION_CONSENT(Scope.OWN, SECRET),
    /** Register one's company as a seller, and grant or revoke service managers: the owner only. */
    SELLER_MANAGE(Scope.OWN, OWNER),
    /**
     * What follows from a step someone else took (an approved request moves the company and ends the one it
     * supersedes), and the kernel's own steps (the first administrator at bootstrap).
     */
    CONSEQUENCE(Scope.OWN, KERNEL),
    /** Order pool capacity for one's own pool. */
    POOL_ORDER_PLACE(Scope.OWN, ADMIN, MANAGER),
    /** Complete or reject a pool order: the organization the partner ordered from (its parent), no other. */
    POOL_ORDER_DECIDE(Scope.PARENT, ADMIN, MANAGER),
    /** Create and edit clients. */
    CLIENT_MANAGE(Scope.OWN, ADMIN, MANAGER),
    /** Issue a credential from one's own pool, and re-send its link. */
    CREDENTIAL_ISSUE(Scope.OWN, ADMIN, MANAGER),
    /** Revoke an issued credential (the operator may too: a lost phone reported to it). */
    CREDENTIAL_REVOKE(Scope.CHANNEL, ADMIN, MANAGER),
    /** Take a credential onto a phone: granted by presenting a valid provisioning link, never by a role. */
    CREDENTIAL_PROVISION(Scope.OWN, SECRET),
    /**
     * See the whole channel at once: every partner with the licenses it holds, and the companies of other
     * partners with their counts (the seed: "доступно только лицензиату"): the licensor (the operator) only.
     */
    CHANNEL_OVERVIEW(Scope.OPERATOR, ADMIN, MANAGER),
    /** Mint licenses: the licensor (the operator) only. */
    LICENSE_MINT(Scope.OPERATOR, ADMIN),
    /** Post documents that reveal or sell licenses one's organization holds, and send or print them. */
    LICENSE_TRADE(Scope.OWN, ADMIN, MANAGER),
    /** Activate or deactivate a license on a device: granted by presenting its code, never by a role. */
    LICENSE_ACTIVATE(Scope.OWN, SECRET),
    /** Keep the catalog of service packages: the operator. */
    PACKAGE_MANAGE(Scope.OPERATOR, ADMIN),
    /**
     * Add hubs to sites and activate, deactivate, resume and stop subscriptions on them: the seller's installers,
     * its service managers, and its owner, who may run services without any (the seed).
     */
    SUBSCRIPTION_MANAGE(Scope.OWN, OWNER, INSTALLER, SERVICE_MANAGER, SENIOR_SERVICE_MANAGER),
    /** Register a new device (the operator's factory side). */
    DEVICE_CREATE(Scope.OPERATOR, ADMIN, ENGINEER),
    /**
     * Move a device one step forward along its line ("next status"), or put it into operation by hand, with
     * one's own password again: the service engineers.
     */
    DEVICE_ADVANCE(Scope.OWN, ADMIN, ENGINEER),
    /**
     * Any other move of a device's status, with a reason: the server administrator's alone ("Ручной перевод
     * статуса на любой из списка доступен только Администратору сервера").
     */
    DEVICE_SET_STATUS(Scope.OWN, ADMIN),
    /** Make a partner responsible for a device. */
    DEVICE_ASSIGN(Scope.OWN, ADMIN, ENGINEER),
    /** Claim a device for one's partner, with the password printed on it. */
    DEVICE_CLAIM(Scope.OWN, ADMIN, MANAGER, ENGINEER),
    /** Fill in where a device stands, for whom, and what its stages add (the responsible partner, or the operator). */
    DEVICE_EDIT(Scope.CHANNEL, ADMIN, MANAGER, ENGINEER),
    /**
     * Report what a device does (its first connection puts it into operation): the device itself, signed in
     * with its own password, and no one else: a report is the device's word.
     */
    DEVICE_REPORT(Scope.OWN, ITSELF),
    /** Register the owner of a device from the app, signed in with the device's printed password. */
    DEVICE_OWNER_REGISTER(Scope.OWN, ITSELF),
    /** Run the billing sync: the operator's administrator by hand, and the kernel's background work. */
    BILLING_SYNC(Scope.OPERATOR, ADMIN, KERNEL),
    /** See the platform profiles the billing sync keeps, with their addresses and features. */
    BILLING_VIEW(Scope.OPERATOR, ADMIN, MANAGER, ENGINEER),
    /** Rename one's device in the app: its owner. */
    DEVICE_RENAME(Scope.OWN, ITS_CUSTOMER),
    /** Keep one's own details as a customer (the e-mail given with a feedback message). */
    CUSTOMER_EDIT(Scope.OWN, ITS_CUSTOMER);

    private final Scope scope;
    private final Set<Role> roles;
    private final Set<Bearer> bearers;

    Permission(Scope scope, Grantee... grantees) {
        this.scope = scope;
        Set<Role> r = EnumSet.noneOf(Role.class);
        Set<Bearer> b = EnumSet.noneOf(Bearer.class);
        for (Grantee grantee : grantees) {
            if (grantee instanceof Role role) {
                r.add(role);
            } else {
                b.add((Bearer) grantee);
            }
        }
        this.roles = Set.copyOf(r);
        this.bearers = Set.copyOf(b);
    }

    public Scope scope() {
        return scope;
    }

    /** The roles of which a member needs at least one; empty if no role grants it. */
    public Set<Role> roles() {
        return roles;
    }

    /** Whether {@code bearer} holds it. */
    public boolean grants(Bearer bearer) {
        return bearers.contains(bearer);
    }
}
