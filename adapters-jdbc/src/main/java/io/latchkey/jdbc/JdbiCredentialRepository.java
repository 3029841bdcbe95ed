package io.latchkey.jdbc;

import io.latchkey.access.OrgId;
import io.latchkey.credential.Credential;
import io.latchkey.credential.CredentialId;
import io.latchkey.credential.CredentialRepository;
import io.latchkey.credential.CredentialState;
import io.latchkey.credential.IssuanceId;
import io.latchkey.credential.Label;
import io.latchkey.credential.PoolOrderId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Credentials in the {@code credential} table, with their next timed step in {@code due_at} for the scheduler's
 * index. Free and due credentials are claimed with {@code FOR UPDATE SKIP LOCKED}: concurrent issuers and
 * schedulers, on any node, each get other rows, and an issuer waits only when every free one is held.
 */
final class JdbiCredentialRepository extends JdbiRows<CredentialId, Credential> implements CredentialRepository {

    static final Table<Credential> TABLE = Table.<Credential>named("credential")
            .uuid("id", Credential::id)
            .bigint("label", c -> c.label().value())
            .uuid("partner_id", Credential::partner)
            .uuid("order_id", Credential::orderId)
            .time("capacity_expires_at", Credential::capacityExpiresAt)
            .text("state", Credential::state)
            .uuid("issuance_id", Credential::issuanceId)
            .time("valid_from", Credential::validFrom)
            .time("valid_to", Credential::validTo)
            .time("provisioned_at", Credential::provisionedAt)
            .integer("generation", Credential::generation)
            .integer("used_generation", Credential::usedGeneration)
            .time("free_at", Credential::freeAt)
            .time("due_at", Credential::dueAt)
            .version(Credential::version, Credential::withVersion)
            .unique(LABEL)
            .reads(r -> new Credential(r.id("id", CredentialId::new), new Label(r.bigint("label")),
                    r.id("partner_id", OrgId::new), r.id("order_id", PoolOrderId::new), r.time("capacity_expires_at"),
                    r.enumOf("state", CredentialState.class), r.id("issuance_id", IssuanceId::new),
                    r.time("valid_from"), r.time("valid_to"), r.time("provisioned_at"), r.integer("generation"),
                    r.integer("used_generation"), r.time("free_at"), r.bigint("version")));

    private final Dialect dialect;

    JdbiCredentialRepository(Supplier<Handle> handle, Dialect dialect) {
        super(handle, TABLE);
        this.dialect = dialect;
    }

    @Override
    public Optional<Credential> findByLabel(Label label) {
        return one("WHERE label = :label", Map.of("label", label.value()));
    }

    @Override
    public List<Credential> claimFree(OrgId partner, Instant now, Instant until, int limit) {
        return Claims.claimOrWait(handle(), dialect, TABLE, "partner_id = :partner AND free_at <= :now "
                        + "AND (capacity_expires_at IS NULL OR capacity_expires_at >= :until)",
                "capacity_expires_at ASC NULLS LAST, free_at, label", limit,
                Map.of("partner", partner, "now", now, "until", until));
    }

    @Override
    public Availability availability(OrgId partner, Instant now, Instant until) {
        // One statement, so both questions are answered from one snapshot.
        String free = "SELECT 1 FROM credential WHERE partner_id = :partner AND free_at <= :now "
                + "AND (capacity_expires_at IS NULL OR capacity_expires_at >= ";
        return Table.bind(handle().createQuery("SELECT CASE WHEN EXISTS (" + free + ":until)) THEN 'FITTING' "
                        + "WHEN EXISTS (" + free + ":now)) THEN 'TOO_SHORT' ELSE 'NONE' END"),
                Map.of("partner", partner, "now", now, "until", until)).mapTo(String.class).map(Availability::valueOf)
                .one();
    }

    @Override
    public List<Credential> claimDue(Instant now, int limit) {
        return Claims.claim(handle(), dialect, TABLE, "due_at <= :now", "due_at, id", limit, Map.of("now", now));
    }

    @Override
    public long countIssuable(OrgId partner, Instant now, long atMost) {
        // The pool lock is the partner's row; under READ COMMITTED the count below then sees earlier claims.
        // On PostgreSQL it must not conflict with the key-share lock this transaction's inserts already hold on
        // it (their foreign keys), or two issuers would each wait for the other's.
        String lock = dialect == Dialect.POSTGRESQL ? "FOR NO KEY UPDATE" : "FOR UPDATE";
        Table.bind(handle().createQuery("SELECT id FROM organization WHERE id = :partner " + lock),
                Map.of("partner", partner)).mapTo(String.class).findOne();
        return Table.bind(handle().createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM credential "
                        + "WHERE partner_id = :partner AND free_at <= :now AND (capacity_expires_at IS NULL "
                        + "OR capacity_expires_at >= :now) LIMIT :atMost) AS issuable"),
                Map.of("partner", partner, "now", now, "atMost", atMost)).mapTo(Long.class).one();
    }

    @Override
    public List<Credential> byPartner(OrgId partner) {
        return list("WHERE partner_id = :partner ORDER BY label", Map.of("partner", partner));
    }
}
