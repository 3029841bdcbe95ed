package io.latchkey.jdbc;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.credential.Credential;
import io.latchkey.credential.CredentialId;
import io.latchkey.credential.CredentialRepository;
import io.latchkey.credential.CredentialState;
import io.latchkey.credential.IssuanceId;
import io.latchkey.credential.Label;
import io.latchkey.credential.PoolOrderId;
import io.latchkey.access.OrgId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Credentials in the {@code credential} table. Free and due credentials are claimed with
 * {@code FOR UPDATE SKIP LOCKED}: concurrent issuers and schedulers, on any node, each get other rows.
 */
final class JdbiCredentialRepository implements CredentialRepository {

    private static final String COLUMNS = "id, label, partner_id, order_id, capacity_expires_at, state, issuance_id, "
            + "valid_from, valid_to, provisioned_at, generation, used_generation, free_at, due_at, version";

    private final Supplier<Handle> handle;
    private final Dialect dialect;

    JdbiCredentialRepository(Supplier<Handle> handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public void insert(Credential c) {
        Update insert = handle.get().createUpdate("INSERT INTO credential (" + COLUMNS + ") VALUES (:id, :label, "
                + ":partner, :orderId, :capacity, :state, :issuance, :validFrom, :validTo, :provisionedAt, "
                + ":generation, :usedGeneration, :freeAt, :dueAt, :version)");
        Sql.execute(bind(insert, c), Map.of("credential_label_unique",
                () -> LatchkeyException.of(ErrorCode.DUPLICATE, "label " + c.label())));
    }

    @Override
    public Credential update(Credential c) {
        Update update = handle.get().createUpdate("UPDATE credential SET label = :label, partner_id = :partner, "
                + "order_id = :orderId, capacity_expires_at = :capacity, state = :state, issuance_id = :issuance, "
                + "valid_from = :validFrom, valid_to = :validTo, provisioned_at = :provisionedAt, "
                + "generation = :generation, used_generation = :usedGeneration, free_at = :freeAt, due_at = :dueAt, "
                + "version = version + 1 WHERE id = :id AND version = :version");
        Sql.updateVersioned(bind(update, c), "credential", c.label());
        return c.withVersion(c.version() + 1);
    }

    private static Update bind(Update update, Credential c) {
        return update.bind("id", Sql.uuid(c.id().value()))
                .bind("label", c.label().value())
                .bind("partner", Sql.uuid(c.partner().value()))
                .bind("orderId", Sql.uuid(c.orderId().value()))
                .bind("capacity", Sql.instant(c.capacityExpiresAt()))
                .bind("state", c.state().name())
                .bind("issuance", Sql.uuid(c.issuanceId() == null ? null : c.issuanceId().value()))
                .bind("validFrom", Sql.instant(c.validFrom()))
                .bind("validTo", Sql.instant(c.validTo()))
                .bind("provisionedAt", Sql.instant(c.provisionedAt()))
                .bind("generation", c.generation())
                .bind("usedGeneration", c.usedGeneration())
                .bind("freeAt", Sql.instant(c.freeAt()))
                .bind("dueAt", Sql.instant(c.dueAt()))
                .bind("version", c.version());
    }

    @Override
    public Optional<Credential> find(CredentialId id) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM credential WHERE id = :id")
                .bind("id", Sql.uuid(id.value())).map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public Optional<Credential> findByLabel(Label label) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM credential WHERE label = :label")
                .bind("label", label.value()).map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public List<Credential> claimFree(OrgId partner, Instant now, Instant until, int limit) {
        return Claims.claim(handle.get(), dialect, "credential", COLUMNS, "partner_id = :partner AND free_at <= :now "
                        + "AND (capacity_expires_at IS NULL OR capacity_expires_at >= :until)",
                "capacity_expires_at ASC NULLS LAST, free_at, label", limit,
                query -> query.bind("partner", Sql.uuid(partner.value())).bind("now", Sql.instant(now))
                        .bind("until", Sql.instant(until)),
                (rs, ctx) -> read(rs));
    }

    @Override
    public List<Credential> claimDue(Instant now, int limit) {
        return Claims.claim(handle.get(), dialect, "credential", COLUMNS, "due_at <= :now", "due_at, id", limit,
                query -> query.bind("now", Sql.instant(now)), (rs, ctx) -> read(rs));
    }

    @Override
    public long countIssuable(OrgId partner, Instant now, long atMost) {
        return handle.get().createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM credential WHERE partner_id = :partner "
                        + "AND free_at <= :now AND (capacity_expires_at IS NULL OR capacity_expires_at >= :now) "
                        + "LIMIT :atMost) AS issuable")
                .bind("partner", Sql.uuid(partner.value())).bind("now", Sql.instant(now)).bind("atMost", atMost)
                .mapTo(Long.class).one();
    }

    @Override
    public List<Credential> byPartner(OrgId partner) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM credential WHERE partner_id = :partner "
                        + "ORDER BY label")
                .bind("partner", Sql.uuid(partner.value())).map((rs, ctx) -> read(rs)).list();
    }

    private static Credential read(ResultSet rs) throws SQLException {
        UUID issuance = Sql.uuid(rs, "issuance_id");
        return new Credential(new CredentialId(Sql.uuid(rs, "id")), new Label(rs.getLong("label")),
                new OrgId(Sql.uuid(rs, "partner_id")), new PoolOrderId(Sql.uuid(rs, "order_id")),
                Sql.instant(rs, "capacity_expires_at"), CredentialState.valueOf(rs.getString("state")),
                issuance == null ? null : new IssuanceId(issuance), Sql.instant(rs, "valid_from"),
                Sql.instant(rs, "valid_to"), Sql.instant(rs, "provisioned_at"), rs.getInt("generation"),
                rs.getInt("used_generation"), Sql.instant(rs, "free_at"), rs.getLong("version"));
    }
}
