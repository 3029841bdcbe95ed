package io.latchkey.jdbc;

import io.latchkey.access.OrgId;
import io.latchkey.party.Firm;
import io.latchkey.party.FirmId;
import io.latchkey.party.FirmRepository;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** Companies' firms in the {@code firm} table; an INN is unique within a company. */
final class JdbiFirmRepository extends JdbiRows<FirmId, Firm> implements FirmRepository {

    static final Table<Firm> TABLE = Table.<Firm>named("firm")
            .uuid("id", Firm::id)
            .uuid("company_id", Firm::company)
            .text("name", Firm::name)
            .text("inn", Firm::inn)
            .text("address", Firm::address)
            .text("director", Firm::director)
            .time("created_at", Firm::createdAt)
            .version(Firm::version, Firm::withVersion)
            .unique(INN)
            .reads(r -> new Firm(r.id("id", FirmId::new), r.id("company_id", OrgId::new), r.text("name"),
                    r.text("inn"), r.text("address"), r.text("director"), r.time("created_at"), r.bigint("version")));

    JdbiFirmRepository(Supplier<Handle> handle) {
        super(handle, TABLE);
    }

    @Override
    public List<Firm> byCompany(OrgId company, FirmId after, int limit) {
        return page("WHERE company_id = :company", Map.of("company", company), after, limit);
    }

    @Override
    public int count(OrgId company) {
        return count("WHERE company_id = :company", Map.of("company", company));
    }
}
