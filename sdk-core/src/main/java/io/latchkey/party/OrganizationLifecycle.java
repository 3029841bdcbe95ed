package io.latchkey.party;

import io.latchkey.access.Permission;
import io.latchkey.lifecycle.TransitionTable;

/** The organization lifecycle as data. */
public final class OrganizationLifecycle {

    /** Journal name of organizations. */
    public static final String AGGREGATE = "organization";

    /**
     * OPEN, changed in place (requisites, seller, parent), until CLOSED for good. A partner that applied starts
     * APPLIED, and only the operator approves or turns it down; a partner the operator made or approved is
     * PENDING until its first administrator confirms its account (the seed: "Как только Партнер подтвердит
     * создание аккаунта, он может пользоваться своим личным кабинетом").
     */
    public static final TransitionTable<OrganizationState, OrganizationEvent> TABLE =
            TransitionTable.builder(AGGREGATE, OrganizationState.class, OrganizationEvent.class)
                    .on(OrganizationState.APPLIED, OrganizationEvent.APPROVE, OrganizationState.PENDING,
                            Permission.PARTNER_CREATE)
                    .on(OrganizationState.APPLIED, OrganizationEvent.REJECT, OrganizationState.CLOSED,
                            Permission.PARTNER_CREATE)
                    .on(OrganizationState.PENDING, OrganizationEvent.ACTIVATE, OrganizationState.OPEN,
                            Permission.CONSEQUENCE)
                    .on(OrganizationState.PENDING, OrganizationEvent.EDIT_REQUISITES, OrganizationState.PENDING,
                            Permission.REQUISITES_EDIT)
                    .on(OrganizationState.PENDING, OrganizationEvent.CLOSE, OrganizationState.CLOSED,
                            Permission.ORGANIZATION_CLOSE)
                    .on(OrganizationState.OPEN, OrganizationEvent.EDIT_REQUISITES, OrganizationState.OPEN,
                            Permission.REQUISITES_EDIT)
                    .on(OrganizationState.OPEN, OrganizationEvent.REGISTER_SELLER, OrganizationState.OPEN,
                            Permission.SELLER_MANAGE)
                    .on(OrganizationState.OPEN, OrganizationEvent.MOVE, OrganizationState.OPEN, Permission.CONSEQUENCE)
                    .on(OrganizationState.OPEN, OrganizationEvent.CLOSE, OrganizationState.CLOSED,
                            Permission.ORGANIZATION_CLOSE)
                    .build();

    private OrganizationLifecycle() {
    }
}
