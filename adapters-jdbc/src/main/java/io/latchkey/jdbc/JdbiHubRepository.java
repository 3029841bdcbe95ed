package io.latchkey.jdbc;

import io.latchkey.access.OrgId;
import io.latchkey.party.SiteId;
import io.latchkey.subscription.Hub;
import io.latchkey.subscription.HubId;
import io.latchkey.subscription.HubRepository;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** Hubs in the {@code hub} table; serials are unique. */
final class JdbiHubRepository extends JdbiRows<HubId, Hub> implements HubRepository {

    static final Table<Hub> TABLE = Table.<Hub>named("hub")
            .uuid("id", Hub::id)
            .uuid("seller_id", Hub::seller)
            .uuid("site_id", Hub::site)
            .text("serial", Hub::serial)
            .bool("sim_installed", Hub::simInstalled)
            .time("created_at", Hub::createdAt)
            .version(Hub::version, Hub::withVersion)
            .unique(SERIAL)
            .reads(r -> new Hub(r.id("id", HubId::new), r.id("seller_id", OrgId::new), r.id("site_id", SiteId::new),
                    r.text("serial"), r.bool("sim_installed"), r.time("created_at"), r.bigint("version")));

    JdbiHubRepository(Supplier<Handle> handle) {
        super(handle, TABLE);
    }

    @Override
    public List<Hub> bySeller(OrgId seller, HubId after, int limit) {
        return page("WHERE seller_id = :seller", Map.of("seller", seller), after, limit);
    }

    @Override
    public List<Hub> bySite(SiteId site, HubId after, int limit) {
        return page("WHERE site_id = :site", Map.of("site", site), after, limit);
    }
}
