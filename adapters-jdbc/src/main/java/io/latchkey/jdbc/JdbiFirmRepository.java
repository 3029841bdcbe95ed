package io.latchkey.jdbc;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.party.Firm;
import io.latchkey.party.FirmId;
import io.latchkey.party.FirmRepository;
import io.latchkey.access.OrgId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** Companies' firms in the {@code firm} table; an INN is unique within a company. */
final class JdbiFirmRepository implements FirmRepository {

    private static final String COLUMNS = "id, company_id, name, inn, created_at, version";

    private final Supplier<Handle> handle;

    JdbiFirmRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    @Override
    public void insert(Firm f) {
        Sql.execute(handle.get().createUpdate("INSERT INTO firm (" + COLUMNS + ") VALUES (:id, :company, :name, :inn, "
                        + ":createdAt, :version)")
                .bind("id", Sql.uuid(f.id().value()))
                .bind("company", Sql.uuid(f.company().value()))
                .bind("name", f.name())
                .bind("inn", f.inn())
                .bind("createdAt", Sql.instant(f.createdAt()))
                .bind("version", f.version()), Map.of("firm_inn_unique",
                () -> LatchkeyException.of(ErrorCode.DUPLICATE, "firm with INN " + f.inn())));
    }

    @Override
    public Optional<Firm> find(FirmId id) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM firm WHERE id = :id")
                .bind("id", Sql.uuid(id.value())).map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public List<Firm> byCompany(OrgId company) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM firm WHERE company_id = :company ORDER BY name, id")
                .bind("company", Sql.uuid(company.value())).map((rs, ctx) -> read(rs)).list();
    }

    private static Firm read(ResultSet rs) throws SQLException {
        return new Firm(new FirmId(Sql.uuid(rs, "id")), new OrgId(Sql.uuid(rs, "company_id")), rs.getString("name"),
                rs.getString("inn"), Sql.instant(rs, "created_at"), rs.getLong("version"));
    }
}
