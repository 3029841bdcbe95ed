package io.latchkey.party;

import io.latchkey.access.Permission;
import io.latchkey.lifecycle.TransitionTable;

/** The connection request lifecycle as data. */
public final class ConnectionLifecycle {

    /** Journal name of connection requests. */
    public static final String AGGREGATE = "connection";

    /** PENDING → APPROVED | REJECTED | WITHDRAWN; APPROVED → ENDED when superseded. */
    public static final TransitionTable<ConnectionState, ConnectionEvent> TABLE =
            TransitionTable.builder(AGGREGATE, ConnectionState.class, ConnectionEvent.class)
                    .on(ConnectionState.PENDING, ConnectionEvent.APPROVE, ConnectionState.APPROVED,
                            Permission.CONNECTION_DECIDE)
                    .on(ConnectionState.PENDING, ConnectionEvent.CONSENT, ConnectionState.APPROVED,
                            Permission.CONNECTION_CONSENT)
                    .on(ConnectionState.PENDING, ConnectionEvent.REJECT, ConnectionState.REJECTED,
                            Permission.CONNECTION_DECIDE)
                    .on(ConnectionState.PENDING, ConnectionEvent.WITHDRAW, ConnectionState.WITHDRAWN,
                            Permission.CONNECTION_REQUEST)
                    .on(ConnectionState.APPROVED, ConnectionEvent.END, ConnectionState.ENDED, Permission.CONSEQUENCE)
                    .build();

    private ConnectionLifecycle() {
    }
}
