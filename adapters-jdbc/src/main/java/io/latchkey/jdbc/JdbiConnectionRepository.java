package io.latchkey.jdbc;

import io.latchkey.party.Connection;
import io.latchkey.party.ConnectionId;
import io.latchkey.party.ConnectionKind;
import io.latchkey.party.ConnectionRepository;
import io.latchkey.party.ConnectionState;
import io.latchkey.access.OrgId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/** Connection requests in the {@code connection_request} table. */
final class JdbiConnectionRepository implements ConnectionRepository {

    private static final String COLUMNS = "id, kind, from_org, to_org, state, created_at, decided_at, decided_by, version";

    private final Supplier<Handle> handle;

    JdbiConnectionRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    @Override
    public void insert(Connection c) {
        Update insert = handle.get().createUpdate("INSERT INTO connection_request (" + COLUMNS + ") VALUES (:id, :kind, "
                + ":from, :to, :state, :createdAt, :decidedAt, :decidedBy, :version)");
        Sql.execute(bind(insert, c), Map.of());
    }

    @Override
    public Connection update(Connection c) {
        Update update = handle.get().createUpdate("UPDATE connection_request SET kind = :kind, from_org = :from, "
                + "to_org = :to, state = :state, created_at = :createdAt, decided_at = :decidedAt, "
                + "decided_by = :decidedBy, version = version + 1 WHERE id = :id AND version = :version");
        Sql.updateVersioned(bind(update, c), "connection", c.id());
        return c.withVersion(c.version() + 1);
    }

    private static Update bind(Update update, Connection c) {
        return update.bind("id", Sql.uuid(c.id().value()))
                .bind("kind", c.kind().name())
                .bind("from", Sql.uuid(c.from().value()))
                .bind("to", Sql.uuid(c.to().value()))
                .bind("state", c.state().name())
                .bind("createdAt", Sql.instant(c.createdAt()))
                .bind("decidedAt", Sql.instant(c.decidedAt()))
                .bind("decidedBy", Sql.text(c.decidedBy()))
                .bind("version", c.version());
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM connection_request WHERE id = :id")
                .bind("id", Sql.uuid(id.value())).map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public List<Connection> involving(OrgId organization, ConnectionKind kind, ConnectionState state) {
        String filters = (kind == null ? "" : " AND kind = :kind") + (state == null ? "" : " AND state = :state");
        // Two indexed halves rather than an OR across both columns.
        Query query = handle.get().createQuery("SELECT " + COLUMNS + " FROM connection_request WHERE from_org = :org"
                + filters + " UNION SELECT " + COLUMNS + " FROM connection_request WHERE to_org = :org" + filters
                + " ORDER BY id DESC");
        if (kind != null) {
            query.bind("kind", kind.name());
        }
        if (state != null) {
            query.bind("state", state.name());
        }
        return query.bind("org", Sql.uuid(organization.value())).map((rs, ctx) -> read(rs)).list();
    }

    private static Connection read(ResultSet rs) throws SQLException {
        return new Connection(new ConnectionId(Sql.uuid(rs, "id")), ConnectionKind.valueOf(rs.getString("kind")),
                new OrgId(Sql.uuid(rs, "from_org")), new OrgId(Sql.uuid(rs, "to_org")),
                ConnectionState.valueOf(rs.getString("state")), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "decided_at"), rs.getString("decided_by"), rs.getLong("version"));
    }
}
