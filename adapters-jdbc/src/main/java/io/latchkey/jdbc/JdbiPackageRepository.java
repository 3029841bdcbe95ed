package io.latchkey.jdbc;

import io.latchkey.subscription.PackageId;
import io.latchkey.subscription.PackageRepository;
import io.latchkey.subscription.ServicePackage;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** The catalog in the {@code service_package} table; codes are unique. */
final class JdbiPackageRepository extends JdbiRows<PackageId, ServicePackage> implements PackageRepository {

    static final Table<ServicePackage> TABLE = Table.<ServicePackage>named("service_package")
            .uuid("id", ServicePackage::id)
            .text("code", ServicePackage::code)
            .text("name", ServicePackage::name)
            .bigint("monthly_price", ServicePackage::monthlyPrice)
            .text("currency", ServicePackage::currency)
            .bool("requires_sim", ServicePackage::requiresSim)
            .time("created_at", ServicePackage::createdAt)
            .version(ServicePackage::version, ServicePackage::withVersion)
            .unique(CODE)
            .reads(r -> new ServicePackage(r.id("id", PackageId::new), r.text("code"), r.text("name"),
                    r.bigint("monthly_price"), r.text("currency"), r.bool("requires_sim"), r.time("created_at"),
                    r.bigint("version")));

    JdbiPackageRepository(Supplier<Handle> handle) {
        super(handle, TABLE);
    }

    @Override
    public List<ServicePackage> all() {
        return list("ORDER BY code", Map.of());
    }
}
