package io.latchkey.jdbc;

import io.latchkey.access.OrgId;
import io.latchkey.party.Site;
import io.latchkey.party.SiteId;
import io.latchkey.party.SiteRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** Sites in the {@code site} table. */
final class JdbiSiteRepository implements SiteRepository {

    private static final String COLUMNS = "id, organization_id, name, address, created_at, version";

    private final Supplier<Handle> handle;

    JdbiSiteRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    @Override
    public void insert(Site s) {
        Sql.execute(handle.get().createUpdate("INSERT INTO site (" + COLUMNS + ") VALUES (:id, :organization, :name, "
                        + ":address, :createdAt, :version)")
                .bind("id", Sql.uuid(s.id().value()))
                .bind("organization", Sql.uuid(s.organization().value()))
                .bind("name", s.name())
                .bind("address", Sql.text(s.address()))
                .bind("createdAt", Sql.instant(s.createdAt()))
                .bind("version", s.version()), Map.of());
    }

    @Override
    public Optional<Site> find(SiteId id) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM site WHERE id = :id")
                .bind("id", Sql.uuid(id.value())).map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public List<Site> byOrganization(OrgId organization) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM site WHERE organization_id = :organization "
                        + "ORDER BY name, id")
                .bind("organization", Sql.uuid(organization.value())).map((rs, ctx) -> read(rs)).list();
    }

    private static Site read(ResultSet rs) throws SQLException {
        return new Site(new SiteId(Sql.uuid(rs, "id")), new OrgId(Sql.uuid(rs, "organization_id")),
                rs.getString("name"), rs.getString("address"), Sql.instant(rs, "created_at"), rs.getLong("version"));
    }
}
