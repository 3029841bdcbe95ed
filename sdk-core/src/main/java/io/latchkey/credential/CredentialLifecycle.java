package io.latchkey.credential;

import io.latchkey.access.Permission;
import io.latchkey.lifecycle.TransitionTable;

/** The lifecycles of the credential area, as data. */
public final class CredentialLifecycle {

    /** Journal name of credentials. */
    public static final String CREDENTIAL_AGGREGATE = "credential";
    /** Journal name of pool orders. */
    public static final String POOL_ORDER_AGGREGATE = "pool-order";

    /** A credential: FREE → NEW → ACTIVATED → DEACTIVATED → FREE. */
    public static final TransitionTable<CredentialState, CredentialEvent> CREDENTIAL =
            TransitionTable.builder(CREDENTIAL_AGGREGATE, CredentialState.class, CredentialEvent.class)
                    .on(CredentialState.FREE, CredentialEvent.ISSUE, CredentialState.NEW, Permission.CREDENTIAL_ISSUE)
                    .on(CredentialState.NEW, CredentialEvent.PROVISION, CredentialState.NEW,
                            Permission.CREDENTIAL_PROVISION)
                    .on(CredentialState.ACTIVATED, CredentialEvent.PROVISION, CredentialState.ACTIVATED,
                            Permission.CREDENTIAL_PROVISION)
                    .on(CredentialState.NEW, CredentialEvent.RESEND, CredentialState.NEW, Permission.CREDENTIAL_ISSUE)
                    .on(CredentialState.ACTIVATED, CredentialEvent.RESEND, CredentialState.ACTIVATED,
                            Permission.CREDENTIAL_ISSUE)
                    .timed(CredentialState.NEW, CredentialEvent.ACTIVATE, CredentialState.ACTIVATED)
                    .timed(CredentialState.NEW, CredentialEvent.EXPIRE, CredentialState.DEACTIVATED)
                    .timed(CredentialState.ACTIVATED, CredentialEvent.EXPIRE, CredentialState.DEACTIVATED)
                    .on(CredentialState.NEW, CredentialEvent.REVOKE, CredentialState.DEACTIVATED,
                            Permission.CREDENTIAL_REVOKE)
                    .on(CredentialState.ACTIVATED, CredentialEvent.REVOKE, CredentialState.DEACTIVATED,
                            Permission.CREDENTIAL_REVOKE)
                    .timed(CredentialState.DEACTIVATED, CredentialEvent.RETURN, CredentialState.FREE)
                    .build();

    /** A pool order: NEW → COMPLETED or REJECTED. */
    public static final TransitionTable<PoolOrderStatus, PoolOrderEvent> POOL_ORDER =
            TransitionTable.builder(POOL_ORDER_AGGREGATE, PoolOrderStatus.class, PoolOrderEvent.class)
                    .on(PoolOrderStatus.NEW, PoolOrderEvent.COMPLETE, PoolOrderStatus.COMPLETED,
                            Permission.POOL_ORDER_DECIDE)
                    .on(PoolOrderStatus.NEW, PoolOrderEvent.REJECT, PoolOrderStatus.REJECTED,
                            Permission.POOL_ORDER_DECIDE)
                    .build();

    private CredentialLifecycle() {
    }
}
