package io.latchkey.license;

import io.latchkey.access.Permission;
import io.latchkey.lifecycle.TransitionTable;

/** The license holding and activation lifecycles as data. */
public final class LicenseLifecycle {

    /** Journal name of licenses. */
    public static final String LICENSE_AGGREGATE = "license";
    /** Journal name of activations. */
    public static final String ACTIVATION_AGGREGATE = "activation";

    /**
     * A license moves only by documents: sealed licenses may be revealed or sold to a partner (still sealed);
     * sealed or revealed ones may be sold to a company or outside the channel. Sold and assigned licenses move
     * no further.
     */
    public static final TransitionTable<LicenseState, DocumentType> HOLDING =
            TransitionTable.builder(LICENSE_AGGREGATE, LicenseState.class, DocumentType.class)
                    .on(LicenseState.SEALED, DocumentType.REVEAL_TO_SELF, LicenseState.REVEALED,
                            Permission.LICENSE_TRADE)
                    .on(LicenseState.SEALED, DocumentType.SALE_TO_PARTNER, LicenseState.SEALED,
                            Permission.LICENSE_TRADE)
                    .on(LicenseState.SEALED, DocumentType.SALE_TO_COMPANY, LicenseState.ASSIGNED,
                            Permission.LICENSE_TRADE)
                    .on(LicenseState.REVEALED, DocumentType.SALE_TO_COMPANY, LicenseState.ASSIGNED,
                            Permission.LICENSE_TRADE)
                    .on(LicenseState.SEALED, DocumentType.SALE_TO_UNREGISTERED, LicenseState.SOLD,
                            Permission.LICENSE_TRADE)
                    .on(LicenseState.REVEALED, DocumentType.SALE_TO_UNREGISTERED, LicenseState.SOLD,
                            Permission.LICENSE_TRADE)
                    .build();

    /** An activation: ACTIVE until the same device deactivates it. */
    public static final TransitionTable<ActivationState, ActivationEvent> ACTIVATION =
            TransitionTable.builder(ACTIVATION_AGGREGATE, ActivationState.class, ActivationEvent.class)
                    .on(ActivationState.ACTIVE, ActivationEvent.DEACTIVATE, ActivationState.DEACTIVATED,
                            Permission.LICENSE_ACTIVATE)
                    .build();

    private LicenseLifecycle() {
    }
}
