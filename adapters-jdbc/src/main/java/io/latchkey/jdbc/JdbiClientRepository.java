package io.latchkey.jdbc;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.credential.Client;
import io.latchkey.credential.ClientId;
import io.latchkey.credential.ClientRepository;
import io.latchkey.notify.Language;
import io.latchkey.access.OrgId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/** Clients in the {@code client} table; e-mails are unique per partner. */
final class JdbiClientRepository implements ClientRepository {

    private static final String COLUMNS = "id, partner_id, email, full_name, timezone, language, description, "
            + "created_at, version";

    private final Supplier<Handle> handle;

    JdbiClientRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    private static Map<String, Supplier<LatchkeyException>> unique(Client c) {
        return Map.of("client_email_unique", () -> LatchkeyException.ofField(ErrorCode.CLIENT_EMAIL_TAKEN, "email",
                c.email()));
    }

    @Override
    public void insert(Client c) {
        Update insert = handle.get().createUpdate("INSERT INTO client (" + COLUMNS + ") VALUES (:id, :partner, :email, "
                + ":fullName, :timezone, :language, :description, :createdAt, :version)");
        Sql.execute(bind(insert, c), unique(c));
    }

    @Override
    public Client update(Client c) {
        Update update = handle.get().createUpdate("UPDATE client SET partner_id = :partner, email = :email, "
                + "full_name = :fullName, timezone = :timezone, language = :language, description = :description, "
                + "created_at = :createdAt, version = version + 1 WHERE id = :id AND version = :version");
        Sql.updateVersioned(bind(update, c), "client", c.id(), unique(c));
        return c.withVersion(c.version() + 1);
    }

    private static Update bind(Update update, Client c) {
        return update.bind("id", Sql.uuid(c.id().value()))
                .bind("partner", Sql.uuid(c.partner().value()))
                .bind("email", c.email())
                .bind("fullName", c.fullName())
                .bind("timezone", c.timezone().getId())
                .bind("language", c.language().tag())
                .bind("description", Sql.text(c.description()))
                .bind("createdAt", Sql.instant(c.createdAt()))
                .bind("version", c.version());
    }

    @Override
    public Optional<Client> find(ClientId id) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM client WHERE id = :id")
                .bind("id", Sql.uuid(id.value())).map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public Optional<Client> findByEmail(OrgId partner, String email) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM client WHERE partner_id = :partner "
                        + "AND email = :email")
                .bind("partner", Sql.uuid(partner.value())).bind("email", email).map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public List<Client> list(OrgId partner, String afterEmail, int limit) {
        Query query = handle.get().createQuery("SELECT " + COLUMNS + " FROM client WHERE partner_id = :partner"
                + (afterEmail == null ? "" : " AND email > :after") + " ORDER BY email LIMIT :limit");
        if (afterEmail != null) {
            query.bind("after", afterEmail);
        }
        return query.bind("partner", Sql.uuid(partner.value())).bind("limit", limit).map((rs, ctx) -> read(rs)).list();
    }

    private static Client read(ResultSet rs) throws SQLException {
        return new Client(new ClientId(Sql.uuid(rs, "id")), new OrgId(Sql.uuid(rs, "partner_id")),
                rs.getString("email"), rs.getString("full_name"), ZoneId.of(rs.getString("timezone")),
                Language.parse("language", rs.getString("language")), rs.getString("description"),
                Sql.instant(rs, "created_at"), rs.getLong("version"));
    }
}
