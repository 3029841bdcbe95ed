package io.latchkey.jdbc;

import io.latchkey.access.OrgId;
import io.latchkey.license.CodeFormat;
import io.latchkey.license.License;
import io.latchkey.license.LicenseId;
import io.latchkey.license.LicenseRepository;
import io.latchkey.license.LicenseState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** Licenses in the {@code license} table: the code only as its keyed hash and sealed, never in clear. */
final class JdbiLicenseRepository extends JdbiRows<LicenseId, License> implements LicenseRepository {

    static final Table<License> TABLE = Table.<License>named("license")
            .uuid("id", License::id)
            .text("format", License::format)
            .text("code_hash", License::codeHash)
            .bytes("sealed_code", License::sealedCode)
            .uuid("holder_id", License::holder)
            .text("state", License::state)
            .bool("printed", License::printed)
            .bool("sent", License::sent)
            .time("minted_at", License::mintedAt)
            .version(License::version, License::withVersion)
            .unique(CODE)
            .reads(r -> new License(r.id("id", LicenseId::new), r.enumOf("format", CodeFormat.class),
                    r.text("code_hash"), r.bytes("sealed_code"), r.id("holder_id", OrgId::new),
                    r.enumOf("state", LicenseState.class), r.bool("printed"), r.bool("sent"), r.time("minted_at"),
                    r.bigint("version")));

    JdbiLicenseRepository(Supplier<Handle> handle) {
        super(handle, TABLE);
    }

    @Override
    public Optional<License> findByHash(List<String> hashes) {
        return TABLE.select(handle(), "WHERE code_hash IN (<hashes>)", Map.of()).bindList("hashes", hashes)
                .map(TABLE.mapper()).findFirst();
    }

    @Override
    public List<License> heldBy(OrgId holder, Set<LicenseState> states, LicenseId after, int limit) {
        if (states != null && states.isEmpty()) {
            return List.of();
        }
        Map<String, Object> binds = new HashMap<>(Map.of("holder", holder, "limit", limit));
        if (after != null) {
            binds.put("after", after);
        }
        var query = TABLE.select(handle(), "WHERE holder_id = :holder"
                + (states == null ? "" : " AND state IN (<states>)") + (after == null ? "" : " AND id > :after")
                + " ORDER BY id LIMIT :limit", binds);
        if (states != null) {
            query.bindList("states", states.stream().map(Enum::name).toList());
        }
        return query.map(TABLE.mapper()).list();
    }

    @Override
    public int countHeldBy(OrgId holder) {
        return count("WHERE holder_id = :holder", Map.of("holder", holder));
    }
}
