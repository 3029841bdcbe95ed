package io.latchkey.jdbc;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.subscription.PackageId;
import io.latchkey.subscription.PackageRepository;
import io.latchkey.subscription.ServicePackage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** The package catalog in the {@code service_package} table. */
final class JdbiPackageRepository implements PackageRepository {

    private static final String COLUMNS = "id, code, name, monthly_price, currency, requires_sim, created_at, version";

    private final Supplier<Handle> handle;

    JdbiPackageRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    @Override
    public void insert(ServicePackage p) {
        Sql.execute(handle.get().createUpdate("INSERT INTO service_package (" + COLUMNS + ") VALUES (:id, :code, "
                        + ":name, :price, :currency, :sim, :createdAt, :version)")
                .bind("id", Sql.uuid(p.id().value()))
                .bind("code", p.code())
                .bind("name", p.name())
                .bind("price", p.monthlyPrice())
                .bind("currency", p.currency())
                .bind("sim", p.requiresSim())
                .bind("createdAt", Sql.instant(p.createdAt()))
                .bind("version", p.version()), Map.of("service_package_code_unique",
                () -> LatchkeyException.of(ErrorCode.DUPLICATE, "package " + p.code())));
    }

    @Override
    public Optional<ServicePackage> find(PackageId id) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM service_package WHERE id = :id")
                .bind("id", Sql.uuid(id.value())).map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public List<ServicePackage> all() {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM service_package ORDER BY code")
                .map((rs, ctx) -> read(rs)).list();
    }

    private static ServicePackage read(ResultSet rs) throws SQLException {
        return new ServicePackage(new PackageId(Sql.uuid(rs, "id")), rs.getString("code"), rs.getString("name"),
                rs.getLong("monthly_price"), rs.getString("currency"), rs.getBoolean("requires_sim"),
                Sql.instant(rs, "created_at"), rs.getLong("version"));
    }
}
