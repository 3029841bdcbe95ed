package io.latchkey.jdbc;

import io.latchkey.access.OrgId;
import io.latchkey.credential.ClientId;
import io.latchkey.credential.CredentialId;
import io.latchkey.credential.EndReason;
import io.latchkey.credential.Issuance;
import io.latchkey.credential.IssuanceId;
import io.latchkey.credential.IssuanceRepository;
import io.latchkey.credential.Label;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** Issuances in the {@code issuance} table, paged newest first by their time-ordered ids. */
final class JdbiIssuanceRepository extends JdbiRows<IssuanceId, Issuance> implements IssuanceRepository {

    static final Table<Issuance> TABLE = Table.<Issuance>named("issuance")
            .uuid("id", Issuance::id)
            .uuid("credential_id", Issuance::credentialId)
            .bigint("label", i -> i.label().value())
            .uuid("partner_id", Issuance::partner)
            .uuid("client_id", Issuance::clientId)
            .time("valid_from", Issuance::validFrom)
            .time("valid_to", Issuance::validTo)
            .text("description", Issuance::description)
            .time("issued_at", Issuance::issuedAt)
            .text("issued_by", Issuance::issuedBy)
            .time("provisioned_at", Issuance::provisionedAt)
            .time("ended_at", Issuance::endedAt)
            .text("end_reason", Issuance::endReason)
            .version(Issuance::version, Issuance::withVersion)
            .reads(r -> new Issuance(r.id("id", IssuanceId::new), r.id("credential_id", CredentialId::new),
                    new Label(r.bigint("label")), r.id("partner_id", OrgId::new), r.id("client_id", ClientId::new),
                    r.time("valid_from"), r.time("valid_to"), r.text("description"), r.time("issued_at"),
                    r.text("issued_by"), r.time("provisioned_at"), r.time("ended_at"),
                    r.enumOf("end_reason", EndReason.class), r.bigint("version")));

    JdbiIssuanceRepository(Supplier<Handle> handle) {
        super(handle, TABLE);
    }

    @Override
    public List<Issuance> list(OrgId partner, ClientId client, Instant from, Instant to, IssuanceId before,
                               int limit) {
        List<String> where = new ArrayList<>(List.of("partner_id = :partner"));
        Map<String, Object> binds = new HashMap<>(Map.of("partner", partner, "limit", limit));
        Sql.criterion(where, binds, "client_id = :client", "client", client);
        Sql.criterion(where, binds, "valid_to > :from", "from", from);
        Sql.criterion(where, binds, "valid_from < :to", "to", to);
        Sql.criterion(where, binds, "id < :before", "before", before);
        return list("WHERE " + String.join(" AND ", where) + " ORDER BY id DESC LIMIT :limit", binds);
    }
}
