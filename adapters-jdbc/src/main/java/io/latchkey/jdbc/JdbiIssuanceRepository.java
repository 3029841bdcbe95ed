package io.latchkey.jdbc;

import io.latchkey.credential.ClientId;
import io.latchkey.credential.CredentialId;
import io.latchkey.credential.EndReason;
import io.latchkey.credential.Issuance;
import io.latchkey.credential.IssuanceId;
import io.latchkey.credential.IssuanceRepository;
import io.latchkey.credential.Label;
import io.latchkey.access.OrgId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/** Issuances in the {@code issuance} table, listed newest first by their time-ordered ids. */
final class JdbiIssuanceRepository implements IssuanceRepository {

    private static final String COLUMNS = "id, credential_id, label, partner_id, client_id, valid_from, valid_to, "
            + "description, issued_at, issued_by, provisioned_at, ended_at, end_reason, version";

    private final Supplier<Handle> handle;

    JdbiIssuanceRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    @Override
    public void insert(Issuance i) {
        Update insert = handle.get().createUpdate("INSERT INTO issuance (" + COLUMNS + ") VALUES (:id, :credential, "
                + ":label, :partner, :client, :validFrom, :validTo, :description, :issuedAt, :issuedBy, "
                + ":provisionedAt, :endedAt, :endReason, :version)");
        Sql.execute(bind(insert, i), Map.of());
    }

    @Override
    public Issuance update(Issuance i) {
        Update update = handle.get().createUpdate("UPDATE issuance SET credential_id = :credential, label = :label, "
                + "partner_id = :partner, client_id = :client, valid_from = :validFrom, valid_to = :validTo, "
                + "description = :description, issued_at = :issuedAt, issued_by = :issuedBy, "
                + "provisioned_at = :provisionedAt, ended_at = :endedAt, end_reason = :endReason, "
                + "version = version + 1 WHERE id = :id AND version = :version");
        Sql.updateVersioned(bind(update, i), "issuance", i.id());
        return i.withVersion(i.version() + 1);
    }

    private static Update bind(Update update, Issuance i) {
        return update.bind("id", Sql.uuid(i.id().value()))
                .bind("credential", Sql.uuid(i.credentialId().value()))
                .bind("label", i.label().value())
                .bind("partner", Sql.uuid(i.partner().value()))
                .bind("client", Sql.uuid(i.clientId().value()))
                .bind("validFrom", Sql.instant(i.validFrom()))
                .bind("validTo", Sql.instant(i.validTo()))
                .bind("description", Sql.text(i.description()))
                .bind("issuedAt", Sql.instant(i.issuedAt()))
                .bind("issuedBy", i.issuedBy())
                .bind("provisionedAt", Sql.instant(i.provisionedAt()))
                .bind("endedAt", Sql.instant(i.endedAt()))
                .bind("endReason", Sql.text(i.endReason() == null ? null : i.endReason().name()))
                .bind("version", i.version());
    }

    @Override
    public Optional<Issuance> find(IssuanceId id) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM issuance WHERE id = :id")
                .bind("id", Sql.uuid(id.value())).map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public List<Issuance> list(OrgId partner, ClientId client, IssuanceId before, int limit) {
        Query query = handle.get().createQuery("SELECT " + COLUMNS + " FROM issuance WHERE partner_id = :partner"
                + (client == null ? "" : " AND client_id = :client")
                + (before == null ? "" : " AND id < :before")
                + " ORDER BY id DESC LIMIT :limit");
        if (client != null) {
            query.bind("client", Sql.uuid(client.value()));
        }
        if (before != null) {
            query.bind("before", Sql.uuid(before.value()));
        }
        return query.bind("partner", Sql.uuid(partner.value())).bind("limit", limit).map((rs, ctx) -> read(rs)).list();
    }

    private static Issuance read(ResultSet rs) throws SQLException {
        String endReason = rs.getString("end_reason");
        return new Issuance(new IssuanceId(Sql.uuid(rs, "id")), new CredentialId(Sql.uuid(rs, "credential_id")),
                new Label(rs.getLong("label")), new OrgId(Sql.uuid(rs, "partner_id")),
                new ClientId(Sql.uuid(rs, "client_id")), Sql.instant(rs, "valid_from"), Sql.instant(rs, "valid_to"),
                rs.getString("description"), Sql.instant(rs, "issued_at"), rs.getString("issued_by"),
                Sql.instant(rs, "provisioned_at"), Sql.instant(rs, "ended_at"),
                endReason == null ? null : EndReason.valueOf(endReason), rs.getLong("version"));
    }
}
