package io.latchkey.billing;

import io.latchkey.access.Permission;
import io.latchkey.lifecycle.TransitionTable;

/**
 * The lifecycles of platform profiles and their addresses as data. Only the billing sync moves them
 * ({@link Permission#BILLING_SYNC}): a blocked account leaves the door key only, an active one with a running
 * service every feature, a disabled one or an ended service removes the address, and a profile goes with its
 * last address and comes back with one.
 */
public final class BillingLifecycle {

    /** Journal name of profiles. */
    public static final String PROFILE_AGGREGATE = "billing-profile";
    /** Journal name of addresses (named by their billing account). */
    public static final String ADDRESS_AGGREGATE = "billing-address";

    /** ACTIVE ⇄ REMOVED. */
    public static final TransitionTable<ProfileState, ProfileEvent> PROFILE =
            TransitionTable.builder(PROFILE_AGGREGATE, ProfileState.class, ProfileEvent.class)
                    .on(ProfileState.ACTIVE, ProfileEvent.REMOVE, ProfileState.REMOVED, Permission.BILLING_SYNC)
                    .on(ProfileState.REMOVED, ProfileEvent.RESTORE, ProfileState.ACTIVE, Permission.BILLING_SYNC)
                    .build();

    /** FULL ⇄ DOOR_KEY_ONLY, either → REMOVED → either again; moves in place. */
    public static final TransitionTable<AddressState, AddressEvent> ADDRESS =
            TransitionTable.builder(ADDRESS_AGGREGATE, AddressState.class, AddressEvent.class)
                    .on(AddressState.FULL, AddressEvent.RESTRICT, AddressState.DOOR_KEY_ONLY, Permission.BILLING_SYNC)
                    .on(AddressState.DOOR_KEY_ONLY, AddressEvent.RESTORE, AddressState.FULL, Permission.BILLING_SYNC)
                    .on(AddressState.FULL, AddressEvent.REMOVE, AddressState.REMOVED, Permission.BILLING_SYNC)
                    .on(AddressState.DOOR_KEY_ONLY, AddressEvent.REMOVE, AddressState.REMOVED,
                            Permission.BILLING_SYNC)
                    .on(AddressState.REMOVED, AddressEvent.RELINK_FULL, AddressState.FULL, Permission.BILLING_SYNC)
                    .on(AddressState.REMOVED, AddressEvent.RELINK_DOOR_KEY_ONLY, AddressState.DOOR_KEY_ONLY,
                            Permission.BILLING_SYNC)
                    .on(AddressState.FULL, AddressEvent.MOVE, AddressState.FULL, Permission.BILLING_SYNC)
                    .on(AddressState.DOOR_KEY_ONLY, AddressEvent.MOVE, AddressState.DOOR_KEY_ONLY,
                            Permission.BILLING_SYNC)
                    .build();

    private BillingLifecycle() {
    }
}
