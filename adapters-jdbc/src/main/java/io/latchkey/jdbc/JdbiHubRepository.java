package io.latchkey.jdbc;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.OrgId;
import io.latchkey.party.SiteId;
import io.latchkey.subscription.Hub;
import io.latchkey.subscription.HubId;
import io.latchkey.subscription.HubRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/** Hubs in the {@code hub} table; serials are unique. */
final class JdbiHubRepository implements HubRepository {

    private static final String COLUMNS = "id, seller_id, site_id, serial, sim_installed, created_at, version";

    private final Supplier<Handle> handle;

    JdbiHubRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    @Override
    public void insert(Hub h) {
        Update insert = handle.get().createUpdate("INSERT INTO hub (" + COLUMNS + ") VALUES (:id, :seller, :site, "
                + ":serial, :sim, :createdAt, :version)");
        Sql.execute(bind(insert, h), Map.of("hub_serial_unique",
                () -> LatchkeyException.of(ErrorCode.DUPLICATE, "hub " + h.serial())));
    }

    @Override
    public Hub update(Hub h) {
        Update update = handle.get().createUpdate("UPDATE hub SET seller_id = :seller, site_id = :site, serial = :serial, "
                + "sim_installed = :sim, version = version + 1 WHERE id = :id AND version = :version");
        Sql.updateVersioned(bind(update, h), "hub", h.serial());
        return h.withVersion(h.version() + 1);
    }

    private static Update bind(Update update, Hub h) {
        return update.bind("id", Sql.uuid(h.id().value()))
                .bind("seller", Sql.uuid(h.seller().value()))
                .bind("site", Sql.uuid(h.site().value()))
                .bind("serial", h.serial())
                .bind("sim", h.simInstalled())
                .bind("createdAt", Sql.instant(h.createdAt()))
                .bind("version", h.version());
    }

    @Override
    public Optional<Hub> find(HubId id) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM hub WHERE id = :id")
                .bind("id", Sql.uuid(id.value())).map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public List<Hub> bySeller(OrgId seller) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM hub WHERE seller_id = :seller ORDER BY serial")
                .bind("seller", Sql.uuid(seller.value())).map((rs, ctx) -> read(rs)).list();
    }

    private static Hub read(ResultSet rs) throws SQLException {
        return new Hub(new HubId(Sql.uuid(rs, "id")), new OrgId(Sql.uuid(rs, "seller_id")),
                new SiteId(Sql.uuid(rs, "site_id")), rs.getString("serial"), rs.getBoolean("sim_installed"),
                Sql.instant(rs, "created_at"), rs.getLong("version"));
    }
}
