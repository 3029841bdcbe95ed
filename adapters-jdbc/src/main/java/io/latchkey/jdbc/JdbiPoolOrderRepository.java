package io.latchkey.jdbc;

import io.latchkey.credential.PoolOrder;
import io.latchkey.credential.PoolOrderId;
import io.latchkey.credential.PoolOrderRepository;
import io.latchkey.credential.PoolOrderStatus;
import io.latchkey.credential.PoolTerm;
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

/** Pool orders in the {@code pool_order} table; numbers come from the {@code pool_order_number} sequence. */
final class JdbiPoolOrderRepository implements PoolOrderRepository {

    private static final String COLUMNS = "id, order_number, partner_id, order_size, term, created_at, valid_until, "
            + "status, decided_at, decided_by, version";

    private final Supplier<Handle> handle;
    private final Dialect dialect;

    JdbiPoolOrderRepository(Supplier<Handle> handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public void insert(PoolOrder o) {
        Update insert = handle.get().createUpdate("INSERT INTO pool_order (" + COLUMNS + ") VALUES (:id, :number, "
                + ":partner, :size, :term, :createdAt, :validUntil, :status, :decidedAt, :decidedBy, :version)");
        Sql.execute(bind(insert, o), Map.of());
    }

    @Override
    public PoolOrder update(PoolOrder o) {
        Update update = handle.get().createUpdate("UPDATE pool_order SET order_number = :number, "
                + "partner_id = :partner, order_size = :size, term = :term, created_at = :createdAt, "
                + "valid_until = :validUntil, status = :status, decided_at = :decidedAt, decided_by = :decidedBy, "
                + "version = version + 1 WHERE id = :id AND version = :version");
        Sql.updateVersioned(bind(update, o), "pool order", o.id());
        return o.withVersion(o.version() + 1);
    }

    private static Update bind(Update update, PoolOrder o) {
        return update.bind("id", Sql.uuid(o.id().value()))
                .bind("number", o.number())
                .bind("partner", Sql.uuid(o.partner().value()))
                .bind("size", o.size())
                .bind("term", o.term().name())
                .bind("createdAt", Sql.instant(o.createdAt()))
                .bind("validUntil", Sql.instant(o.validUntil()))
                .bind("status", o.status().name())
                .bind("decidedAt", Sql.instant(o.decidedAt()))
                .bind("decidedBy", Sql.text(o.decidedBy()))
                .bind("version", o.version());
    }

    @Override
    public Optional<PoolOrder> find(PoolOrderId id) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM pool_order WHERE id = :id")
                .bind("id", Sql.uuid(id.value())).map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public long nextNumber() {
        return handle.get().createQuery(dialect.nextValue("pool_order_number")).mapTo(Long.class).one();
    }

    @Override
    public List<PoolOrder> list(OrgId partner, int limit) {
        Query query = handle.get().createQuery("SELECT " + COLUMNS + " FROM pool_order"
                + (partner == null ? "" : " WHERE partner_id = :partner") + " ORDER BY order_number DESC LIMIT :limit");
        if (partner != null) {
            query.bind("partner", Sql.uuid(partner.value()));
        }
        return query.bind("limit", limit).map((rs, ctx) -> read(rs)).list();
    }

    private static PoolOrder read(ResultSet rs) throws SQLException {
        return new PoolOrder(new PoolOrderId(Sql.uuid(rs, "id")), rs.getLong("order_number"),
                new OrgId(Sql.uuid(rs, "partner_id")), rs.getInt("order_size"), PoolTerm.valueOf(rs.getString("term")),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "valid_until"),
                PoolOrderStatus.valueOf(rs.getString("status")), Sql.instant(rs, "decided_at"),
                rs.getString("decided_by"), rs.getLong("version"));
    }
}
