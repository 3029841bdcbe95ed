package io.latchkey.jdbc;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.OrgId;
import io.latchkey.subscription.HubId;
import io.latchkey.subscription.PackageId;
import io.latchkey.subscription.Subscription;
import io.latchkey.subscription.SubscriptionId;
import io.latchkey.subscription.SubscriptionRepository;
import io.latchkey.subscription.SubscriptionState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Subscriptions in the {@code subscription} table; a unique column keeps one live subscription per hub, and
 * due ones are claimed with {@code FOR UPDATE SKIP LOCKED}.
 */
final class JdbiSubscriptionRepository implements SubscriptionRepository {

    private static final String COLUMNS = "id, hub_id, seller_id, reseller_id, package_id, state, started_at, ends_at, "
            + "ended_at, version";

    private final Supplier<Handle> handle;
    private final Dialect dialect;

    JdbiSubscriptionRepository(Supplier<Handle> handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    private static Map<String, Supplier<LatchkeyException>> unique() {
        return Map.of("subscription_one_live", () -> LatchkeyException.ofField(ErrorCode.SUBSCRIPTION_EXISTS, "hubId"));
    }

    @Override
    public void insert(Subscription s) {
        Update insert = handle.get().createUpdate("INSERT INTO subscription (" + COLUMNS + ", live_hub) VALUES (:id, "
                + ":hub, :seller, :reseller, :pkg, :state, :startedAt, :endsAt, :endedAt, :version, :live)");
        Sql.execute(bind(insert, s), unique());
    }

    @Override
    public Subscription update(Subscription s) {
        Update update = handle.get().createUpdate("UPDATE subscription SET state = :state, ends_at = :endsAt, "
                + "ended_at = :endedAt, live_hub = :live, version = version + 1 WHERE id = :id AND version = :version");
        Sql.updateVersioned(bind(update, s), "subscription", s.id(), unique());
        return s.withVersion(s.version() + 1);
    }

    private static Update bind(Update update, Subscription s) {
        return update.bind("id", Sql.uuid(s.id().value()))
                .bind("hub", Sql.uuid(s.hub().value()))
                .bind("seller", Sql.uuid(s.seller().value()))
                .bind("reseller", Sql.uuid(s.reseller().value()))
                .bind("pkg", Sql.uuid(s.pkg().value()))
                .bind("state", s.state().name())
                .bind("startedAt", Sql.instant(s.startedAt()))
                .bind("endsAt", Sql.instant(s.endsAt()))
                .bind("endedAt", Sql.instant(s.endedAt()))
                .bind("live", Sql.uuid(s.liveHub() == null ? null : s.liveHub().value()))
                .bind("version", s.version());
    }

    @Override
    public Optional<Subscription> find(SubscriptionId id) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM subscription WHERE id = :id")
                .bind("id", Sql.uuid(id.value())).map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public Optional<Subscription> liveOnHub(HubId hub) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM subscription WHERE live_hub = :hub")
                .bind("hub", Sql.uuid(hub.value())).map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public List<Subscription> bySeller(OrgId seller) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM subscription WHERE seller_id = :seller "
                        + "ORDER BY id DESC")
                .bind("seller", Sql.uuid(seller.value())).map((rs, ctx) -> read(rs)).list();
    }

    @Override
    public List<Subscription> byReseller(OrgId reseller, Instant from, Instant to) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM subscription WHERE reseller_id = :reseller "
                        + "AND started_at < :to AND COALESCE(ended_at, ends_at, :to) > :from ORDER BY id")
                .bind("reseller", Sql.uuid(reseller.value())).bind("from", Sql.instant(from))
                .bind("to", Sql.instant(to)).map((rs, ctx) -> read(rs)).list();
    }

    @Override
    public List<Subscription> claimDue(Instant now, int limit) {
        return Claims.claim(handle.get(), dialect, "subscription", COLUMNS,
                "state = 'EXPIRES_SOON' AND ends_at <= :now",
                "ends_at, id", limit, query -> query.bind("now", Sql.instant(now)), (rs, ctx) -> read(rs));
    }

    private static Subscription read(ResultSet rs) throws SQLException {
        return new Subscription(new SubscriptionId(Sql.uuid(rs, "id")), new HubId(Sql.uuid(rs, "hub_id")),
                new OrgId(Sql.uuid(rs, "seller_id")), new OrgId(Sql.uuid(rs, "reseller_id")),
                new PackageId(Sql.uuid(rs, "package_id")), SubscriptionState.valueOf(rs.getString("state")),
                Sql.instant(rs, "started_at"), Sql.instant(rs, "ends_at"), Sql.instant(rs, "ended_at"),
                rs.getLong("version"));
    }
}
