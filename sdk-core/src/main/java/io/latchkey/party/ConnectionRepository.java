package io.latchkey.party;

import io.latchkey.access.OrgId;
import io.latchkey.store.VersionedRows;
import java.util.List;

/** Storage port for connection requests. Must be called inside a transaction. */
public interface ConnectionRepository extends VersionedRows<ConnectionId, Connection> {

    /**
     * The connections that {@code organization} sent or received, of {@code kind} and in {@code state} when
     * those are given, newest first.
     */
    List<Connection> involving(OrgId organization, ConnectionKind kind, ConnectionState state);

    /**
     * A page of the connections {@link #involving(OrgId, ConnectionKind, ConnectionState)} finds, in id order: those
     * after {@code after} (from the first when it is null), at most {@code limit}.
     */
    List<Connection> involving(OrgId organization, ConnectionKind kind, ConnectionState state, ConnectionId after,
                               int limit);
}
