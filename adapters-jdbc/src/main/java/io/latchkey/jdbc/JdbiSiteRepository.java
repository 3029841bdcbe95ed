package io.latchkey.jdbc;

import io.latchkey.access.OrgId;
import io.latchkey.party.Site;
import io.latchkey.party.SiteId;
import io.latchkey.party.SiteRepository;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** Sites in the {@code site} table. */
final class JdbiSiteRepository extends JdbiRows<SiteId, Site> implements SiteRepository {

    static final Table<Site> TABLE = Table.<Site>named("site")
            .uuid("id", Site::id)
            .uuid("organization_id", Site::organization)
            .text("name", Site::name)
            .text("address", Site::address)
            .time("created_at", Site::createdAt)
            .version(Site::version, Site::withVersion)
            .reads(r -> new Site(r.id("id", SiteId::new), r.id("organization_id", OrgId::new), r.text("name"),
                    r.text("address"), r.time("created_at"), r.bigint("version")));

    JdbiSiteRepository(Supplier<Handle> handle) {
        super(handle, TABLE);
    }

    @Override
    public List<Site> byOrganization(OrgId organization, SiteId after, int limit) {
        return page("WHERE organization_id = :organization", Map.of("organization", organization), after, limit);
    }

    @Override
    public int count(OrgId organization) {
        return count("WHERE organization_id = :organization", Map.of("organization", organization));
    }
}
