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
import java.util.TreeMap;
import java.util.UUID;
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

    /** The stock row of credentials without a capacity limit (a key cannot be NULL). */
    private static final Instant UNLIMITED = Instant.parse("9999-12-31T23:59:59Z");
    /** Under this key a transaction gathers what it changes in its pools' stock. */
    private static final Object STOCK = "credential_stock";

    /** One row of {@code credential_stock}: a partner's free credentials of one capacity. */
    private record Stock(UUID partner, Instant until) implements Comparable<Stock> {
        static Stock of(Credential c) {
            return new Stock(c.partner().value(), c.capacityExpiresAt() == null ? UNLIMITED : c.capacityExpiresAt());
        }

        @Override
        public int compareTo(Stock o) {
            int byPartner = partner.compareTo(o.partner);
            return byPartner != 0 ? byPartner : until.compareTo(o.until);
        }
    }

    private final Dialect dialect;
    private final BeforeCommit beforeCommit;

    JdbiCredentialRepository(Supplier<Handle> handle, Dialect dialect, BeforeCommit beforeCommit) {
        super(handle, TABLE);
        this.dialect = dialect;
        this.beforeCommit = beforeCommit;
    }

    @Override
    public void insert(Credential credential) {
        super.insert(credential);
        stock(credential, credential.state() == CredentialState.FREE ? 1 : 0);
    }

    /**
     * Stores the credential and keeps its pool's stock: a credential leaves the stored FREE state only when it is
     * issued (then it gets its first issuance, so the stored row had none) and enters it only when it returns.
     */
    @Override
    public Credential update(Credential credential) {
        if (credential.state() == CredentialState.NEW) {
            Optional<Credential> issued = table.updateIf(handle(), credential, "issuance_id IS NULL");
            if (issued.isPresent()) {
                stock(credential, -1);
                return issued.get();
            }
        }
        Credential saved = super.update(credential);
        stock(credential, credential.state() == CredentialState.FREE ? 1 : 0);
        return saved;
    }

    /**
     * Gathers a change of the stock for the commit, so that its hot row is locked only from there. A change of
     * nought is kept too: the row's lock is what puts two issuers of one pool in turn (see countIssuable).
     */
    private void stock(Credential credential, long delta) {
        beforeCommit.<Map<Stock, Long>>gathered(STOCK, TreeMap::new, this::writeStock)
                .merge(Stock.of(credential), delta, Long::sum);
    }

    /** Writes the gathered changes, in key order so that no two transactions wait for each other. */
    private void writeStock(Map<Stock, Long> changes) {
        changes.forEach((stock, delta) -> Table.bind(handle().createUpdate(dialect.addToStock()),
                Map.of("partner", stock.partner(), "until", stock.until(), "delta", delta)).execute());
    }

    @Override
    public Optional<Credential> findByLabel(Label label) {
        return one("WHERE label = :label", Map.of("label", label.value()));
    }

    @Override
    public List<Credential> claimFree(OrgId partner, Instant now, Instant until, int limit) {
        // The claim index's order, partner first: so H2 too walks the index instead of sorting the pool.
        return Claims.claimOrWait(handle(), dialect, TABLE, "credential_claim",
                "partner_id = :partner AND free_at <= :now "
                        + "AND (capacity_expires_at IS NULL OR capacity_expires_at >= :until)",
                "partner_id, capacity_expires_at ASC NULLS LAST, free_at, label", limit,
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

    /**
     * {@inheritDoc} Read from the stock, not counted: the partner's stock rows are locked first, in key order (so
     * transactions that count one pool take turns, and each sees what the ones before it claimed), then summed with
     * what this transaction changed; added to them, the credentials free by the clock that the scheduler has not
     * returned yet (its backlog, found through the due index).
     */
    @Override
    public long countIssuable(OrgId partner, Instant now) {
        Map<Instant, Long> rows = new TreeMap<>();
        Table.bind(handle().createQuery("SELECT capacity_until, free FROM credential_stock WHERE partner_id = :partner "
                        + "ORDER BY capacity_until FOR UPDATE"), Map.of("partner", partner))
                .map((rs, ctx) -> {
                    Row row = new Row(rs);
                    return Map.entry(row.time("capacity_until"), row.bigint("free"));
                }).forEach(e -> rows.put(e.getKey(), e.getValue()));
        beforeCommit.<Map<Stock, Long>>gathered(STOCK, TreeMap::new, this::writeStock).forEach((stock, delta) -> {
            if (stock.partner().equals(partner.value())) {
                rows.merge(stock.until(), delta, Long::sum);
            }
        });
        long stored = rows.entrySet().stream().filter(e -> !e.getKey().isBefore(now)).mapToLong(Map.Entry::getValue)
                .sum();
        long dueBack = Table.bind(handle().createQuery("SELECT COUNT(*) FROM credential WHERE due_at <= :now "
                        + "AND partner_id = :partner AND state <> 'FREE' AND free_at <= :now "
                        + "AND (capacity_expires_at IS NULL OR capacity_expires_at >= :now)"),
                Map.of("partner", partner, "now", now)).mapTo(Long.class).one();
        return stored + dueBack;
    }

    @Override
    public List<Credential> byPartner(OrgId partner) {
        return list("WHERE partner_id = :partner ORDER BY label", Map.of("partner", partner));
    }
}
