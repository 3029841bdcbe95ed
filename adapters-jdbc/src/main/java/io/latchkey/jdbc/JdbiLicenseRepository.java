package io.latchkey.jdbc;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.license.CodeFormat;
import io.latchkey.license.License;
import io.latchkey.license.LicenseId;
import io.latchkey.license.LicenseRepository;
import io.latchkey.license.LicenseState;
import io.latchkey.access.OrgId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/** Licenses in the {@code license} table: a keyed hash and a sealed copy of each code, never the code. */
final class JdbiLicenseRepository implements LicenseRepository {

    private static final String COLUMNS = "id, format, code_hash, sealed_code, holder_id, state, printed, sent, "
            + "minted_at, version";

    private final Supplier<Handle> handle;

    JdbiLicenseRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    @Override
    public void insert(License l) {
        Update insert = handle.get().createUpdate("INSERT INTO license (" + COLUMNS + ") VALUES (:id, :format, :hash, "
                + ":sealed, :holder, :state, :printed, :sent, :mintedAt, :version)");
        Sql.execute(bind(insert, l), Map.of("license_code_unique",
                () -> LatchkeyException.of(ErrorCode.DUPLICATE, "license code")));
    }

    @Override
    public License update(License l) {
        Update update = handle.get().createUpdate("UPDATE license SET holder_id = :holder, state = :state, "
                + "printed = :printed, sent = :sent, version = version + 1 WHERE id = :id AND version = :version");
        Sql.updateVersioned(bind(update, l), "license", l.id());
        return l.withVersion(l.version() + 1);
    }

    private static Update bind(Update update, License l) {
        return update.bind("id", Sql.uuid(l.id().value()))
                .bind("format", l.format().name())
                .bind("hash", l.codeHash())
                .bind("sealed", l.sealedCode())
                .bind("holder", Sql.uuid(l.holder().value()))
                .bind("state", l.state().name())
                .bind("printed", l.printed())
                .bind("sent", l.sent())
                .bind("mintedAt", Sql.instant(l.mintedAt()))
                .bind("version", l.version());
    }

    @Override
    public Optional<License> find(LicenseId id) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM license WHERE id = :id")
                .bind("id", Sql.uuid(id.value())).map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public Optional<License> findByHash(List<String> hashes) {
        if (hashes.isEmpty()) {
            return Optional.empty();
        }
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM license WHERE code_hash IN (<hashes>)")
                .bindList("hashes", hashes).map((rs, ctx) -> read(rs)).findFirst();
    }

    @Override
    public List<License> heldBy(OrgId holder, Set<LicenseState> states, LicenseId after, int limit) {
        if (states != null && states.isEmpty()) {
            return List.of();
        }
        Query query = handle.get().createQuery("SELECT " + COLUMNS + " FROM license WHERE holder_id = :holder"
                + (states == null ? "" : " AND state IN (<states>)") + (after == null ? "" : " AND id > :after")
                + " ORDER BY id LIMIT :limit");
        if (states != null) {
            query.bindList("states", states.stream().map(Enum::name).toList());
        }
        if (after != null) {
            query.bind("after", Sql.uuid(after.value()));
        }
        return query.bind("holder", Sql.uuid(holder.value())).bind("limit", limit).map((rs, ctx) -> read(rs)).list();
    }

    private static License read(ResultSet rs) throws SQLException {
        return new License(new LicenseId(Sql.uuid(rs, "id")), CodeFormat.valueOf(rs.getString("format")),
                rs.getString("code_hash"), rs.getBytes("sealed_code"), new OrgId(Sql.uuid(rs, "holder_id")),
                LicenseState.valueOf(rs.getString("state")), rs.getBoolean("printed"), rs.getBoolean("sent"),
                Sql.instant(rs, "minted_at"), rs.getLong("version"));
    }
}
