package io.latchkey.party;

import io.latchkey.access.Permission;
import io.latchkey.lifecycle.TransitionTable;

/** The organization lifecycle as data. */
public final class OrganizationLifecycle {

    /** Journal name of organizations. */
    public static final String AGGREGATE = "organization";

    /** OPEN, changed in place (requisites, seller, parent), until CLOSED for good. */
    public static final TransitionTable<OrganizationState, OrganizationEvent> TABLE =
            TransitionTable.builder(AGGREGATE, OrganizationState.class, OrganizationEvent.class)
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
