package io.latchkey.jdbc;

import io.latchkey.access.OrgId;
import io.latchkey.credential.PoolOrder;
import io.latchkey.credential.PoolOrderId;
import io.latchkey.credential.PoolOrderRepository;
import io.latchkey.credential.PoolOrderStatus;
import io.latchkey.credential.PoolTerm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** Pool orders in the {@code pool_order} table; numbers come from a sequence, so that nodes never share one. */
final class JdbiPoolOrderRepository extends JdbiRows<PoolOrderId, PoolOrder> implements PoolOrderRepository {

    static final Table<PoolOrder> TABLE = Table.<PoolOrder>named("pool_order")
            .uuid("id", PoolOrder::id)
            .bigint("order_number", PoolOrder::number)
            .uuid("partner_id", PoolOrder::partner)
            .uuid("dealer_id", PoolOrder::dealer)
            .integer("order_size", PoolOrder::size)
            .text("term", PoolOrder::term)
            .time("created_at", PoolOrder::createdAt)
            .time("valid_until", PoolOrder::validUntil)
            .text("status", PoolOrder::status)
            .time("decided_at", PoolOrder::decidedAt)
            .text("decided_by", PoolOrder::decidedBy)
            .version(PoolOrder::version, PoolOrder::withVersion)
            .reads(r -> new PoolOrder(r.id("id", PoolOrderId::new), r.bigint("order_number"),
                    r.id("partner_id", OrgId::new), r.id("dealer_id", OrgId::new), r.integer("order_size"),
                    r.enumOf("term", PoolTerm.class),
                    r.time("created_at"), r.time("valid_until"), r.enumOf("status", PoolOrderStatus.class),
                    r.time("decided_at"), r.text("decided_by"), r.bigint("version")));

    private final Dialect dialect;

    JdbiPoolOrderRepository(Supplier<Handle> handle, Dialect dialect) {
        super(handle, TABLE);
        this.dialect = dialect;
    }

    @Override
    public long nextNumber() {
        return handle().createQuery(dialect.nextValue("pool_order_number")).mapTo(Long.class).one();
    }

    @Override
    public List<PoolOrder> list(OrgId partner, int limit) {
        Map<String, Object> binds = new HashMap<>(Map.of("limit", limit));
        if (partner != null) {
            binds.put("partner", partner);
        }
        return list((partner == null ? "" : "WHERE partner_id = :partner") + " ORDER BY order_number DESC "
                + "LIMIT :limit", binds);
    }

    @Override
    public List<PoolOrder> awaiting(OrgId dealer, Long beforeNumber, int limit) {
        Map<String, Object> binds = new HashMap<>(Map.of("dealer", dealer, "status", PoolOrderStatus.NEW,
                "limit", limit));
        if (beforeNumber != null) {
            binds.put("before", beforeNumber);
        }
        return list("WHERE dealer_id = :dealer AND status = :status"
                + (beforeNumber == null ? "" : " AND order_number < :before") + " ORDER BY order_number DESC "
                + "LIMIT :limit", binds);
    }
}
