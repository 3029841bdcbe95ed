package io.latchkey.jdbc;

import io.latchkey.access.OrgId;
import io.latchkey.subscription.HubId;
import io.latchkey.subscription.PackageId;
import io.latchkey.subscription.Subscription;
import io.latchkey.subscription.SubscriptionId;
import io.latchkey.subscription.SubscriptionRepository;
import io.latchkey.subscription.SubscriptionState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Subscriptions in the {@code subscription} table; a column holding the hub while live keeps one live
 * subscription per hub, and due ones are claimed with {@code FOR UPDATE SKIP LOCKED}.
 */
final class JdbiSubscriptionRepository extends JdbiRows<SubscriptionId, Subscription>
        implements SubscriptionRepository {

    static final Table<Subscription> TABLE = Table.<Subscription>named("subscription")
            .uuid("id", Subscription::id)
            .uuid("hub_id", Subscription::hub)
            .uuid("seller_id", Subscription::seller)
            .uuid("reseller_id", Subscription::reseller)
            .uuid("package_id", Subscription::pkg)
            .text("state", Subscription::state)
            .time("started_at", Subscription::startedAt)
            .time("ends_at", Subscription::endsAt)
            .time("ended_at", Subscription::endedAt)
            .uuid("live_hub", ONE_LIVE.key())
            .version(Subscription::version, Subscription::withVersion)
            .unique(ONE_LIVE)
            .reads(r -> new Subscription(r.id("id", SubscriptionId::new), r.id("hub_id", HubId::new),
                    r.id("seller_id", OrgId::new), r.id("reseller_id", OrgId::new), r.id("package_id", PackageId::new),
                    r.enumOf("state", SubscriptionState.class), r.time("started_at"), r.time("ends_at"),
                    r.time("ended_at"), r.bigint("version")));

    private final Dialect dialect;

    JdbiSubscriptionRepository(Supplier<Handle> handle, Dialect dialect) {
        super(handle, TABLE);
        this.dialect = dialect;
    }

    @Override
    public Optional<Subscription> liveOnHub(HubId hub) {
        return one("WHERE live_hub = :hub", Map.of("hub", hub));
    }

    @Override
    public List<Subscription> bySeller(OrgId seller) {
        return list("WHERE seller_id = :seller ORDER BY id DESC", Map.of("seller", seller));
    }

    @Override
    public List<Subscription> bySeller(OrgId seller, SubscriptionId after, int limit) {
        return page("WHERE seller_id = :seller", Map.of("seller", seller), after, limit);
    }

    @Override
    public List<Subscription> byReseller(OrgId reseller, Instant from, Instant to, SubscriptionId after,
                                         int limit) {
        return page("WHERE reseller_id = :reseller AND started_at < :to AND COALESCE(ended_at, ends_at, :to) > :from",
                Map.of("reseller", reseller, "from", from, "to", to), after, limit);
    }

    @Override
    public List<Subscription> claimDue(Instant now, int limit) {
        return Claims.claim(handle(), dialect, TABLE, "state = 'EXPIRES_SOON' AND ends_at <= :now", "ends_at, id",
                limit, Map.of("now", now));
    }
}
