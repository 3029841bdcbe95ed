package io.latchkey.party;

import io.latchkey.access.OrgId;
import java.time.Instant;
import java.util.Objects;

/**
 * A connection request between two organizations, and the connection it becomes once approved.
 *
 * @param id        its id
 * @param kind      what it means
 * @param from      the requesting organization (a company, a seller)
 * @param to        the receiving organization (a partner, a reseller)
 * @param state     where it stands
 * @param createdAt when it was sent
 * @param decidedAt when it was approved, rejected, withdrawn or ended last; null while pending
 * @param decidedBy who did that ({@link io.latchkey.access.Actor#describe()}); null while pending
 * @param reason    why it was rejected, as the receiver put it; null otherwise
 * @param version   optimistic version
 */
public record Connection(ConnectionId id, ConnectionKind kind, OrgId from, OrgId to, ConnectionState state,
                         Instant createdAt, Instant decidedAt, String decidedBy, String reason, long version) {

    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The same connection with another version; for stores. */
    public Connection withVersion(long newVersion) {
        return new Connection(id, kind, from, to, state, createdAt, decidedAt, decidedBy, reason, newVersion);
    }

    Connection decided(ConnectionState newState, Instant at, String by) {
        return decided(newState, at, by, null);
    }

    Connection decided(ConnectionState newState, Instant at, String by, String why) {
        return new Connection(id, kind, from, to, newState, createdAt, at, by, why, version);
    }
}
