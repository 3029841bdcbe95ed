package io.latchkey.party;

import io.latchkey.access.OrgId;
import java.util.List;
import java.util.Optional;

/** Storage port for connection requests. Must be called inside a transaction. */
public interface ConnectionRepository {

    void insert(Connection connection);

    /** Stores a changed connection if its version is still the stored one; returns it with the new version. */
    Connection update(Connection connection);

    Optional<Connection> find(ConnectionId id);

    /**
     * The connections that {@code organization} sent or received, of {@code kind} and in {@code state} when
     * those are given, newest first.
     */
    List<Connection> involving(OrgId organization, ConnectionKind kind, ConnectionState state);
}
