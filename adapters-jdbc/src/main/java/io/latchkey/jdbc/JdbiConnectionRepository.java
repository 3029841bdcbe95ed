package io.latchkey.jdbc;

import io.latchkey.access.OrgId;
import io.latchkey.party.Connection;
import io.latchkey.party.ConnectionId;
import io.latchkey.party.ConnectionKind;
import io.latchkey.party.ConnectionRepository;
import io.latchkey.party.ConnectionState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** Connection requests in the {@code connection_request} table. */
final class JdbiConnectionRepository extends JdbiRows<ConnectionId, Connection> implements ConnectionRepository {

    static final Table<Connection> TABLE = Table.<Connection>named("connection_request")
            .uuid("id", Connection::id)
            .text("kind", Connection::kind)
            .uuid("from_org", Connection::from)
            .uuid("to_org", Connection::to)
            .text("state", Connection::state)
            .time("created_at", Connection::createdAt)
            .time("decided_at", Connection::decidedAt)
            .text("decided_by", Connection::decidedBy)
            .text("reason", Connection::reason)
            .version(Connection::version, Connection::withVersion)
            .reads(r -> new Connection(r.id("id", ConnectionId::new), r.enumOf("kind", ConnectionKind.class),
                    r.id("from_org", OrgId::new), r.id("to_org", OrgId::new), r.enumOf("state", ConnectionState.class),
                    r.time("created_at"), r.time("decided_at"), r.text("decided_by"), r.text("reason"),
                    r.bigint("version")));

    JdbiConnectionRepository(Supplier<Handle> handle) {
        super(handle, TABLE);
    }

    @Override
    public List<Connection> involving(OrgId organization, ConnectionKind kind, ConnectionState state) {
        return involving(organization, kind, state, null, "ORDER BY id DESC", Map.of());
    }

    @Override
    public List<Connection> involving(OrgId organization, ConnectionKind kind, ConnectionState state,
                                      ConnectionId after, int limit) {
        return involving(organization, kind, state, after, "ORDER BY id LIMIT :limit", Map.of("limit", limit));
    }

    private List<Connection> involving(OrgId organization, ConnectionKind kind, ConnectionState state,
                                       ConnectionId after, String order, Map<String, Object> extra) {
        Map<String, Object> binds = new HashMap<>(Map.of("org", organization));
        binds.putAll(extra);
        String filters = "";
        if (after != null) {
            binds.put("after", after);
            filters += " AND id > :after";
        }
        if (kind != null) {
            binds.put("kind", kind);
            filters += " AND kind = :kind";
        }
        if (state != null) {
            binds.put("state", state);
            filters += " AND state = :state";
        }
        // Two indexed halves rather than an OR across both columns.
        return list("WHERE from_org = :org" + filters + " UNION SELECT " + TABLE.columns() + " FROM "
                + TABLE.name() + " WHERE to_org = :org" + filters + " " + order, binds);
    }
}
