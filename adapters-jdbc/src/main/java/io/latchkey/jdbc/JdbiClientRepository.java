package io.latchkey.jdbc;

import io.latchkey.access.OrgId;
import io.latchkey.credential.Client;
import io.latchkey.credential.ClientId;
import io.latchkey.credential.ClientRepository;
import io.latchkey.notify.Language;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** Clients in the {@code client} table; e-mails are unique per partner. */
final class JdbiClientRepository extends JdbiRows<ClientId, Client> implements ClientRepository {

    static final Table<Client> TABLE = Table.<Client>named("client")
            .uuid("id", Client::id)
            .uuid("partner_id", Client::partner)
            .text("email", Client::email)
            .text("full_name", Client::fullName)
            .text("timezone", c -> c.timezone().getId())
            .text("language", c -> c.language().tag())
            .text("description", Client::description)
            .time("created_at", Client::createdAt)
            .version(Client::version, Client::withVersion)
            .unique(EMAIL)
            .reads(r -> new Client(r.id("id", ClientId::new), r.id("partner_id", OrgId::new), r.text("email"),
                    r.text("full_name"), r.text("timezone", ZoneId::of),
                    r.text("language", tag -> Language.parse("language", tag)), r.text("description"),
                    r.time("created_at"), r.bigint("version")));

    JdbiClientRepository(Supplier<Handle> handle) {
        super(handle, TABLE);
    }

    @Override
    public Optional<Client> findByEmail(OrgId partner, String email) {
        return one("WHERE partner_id = :partner AND email = :email", Map.of("partner", partner, "email", email));
    }

    @Override
    public List<Client> list(OrgId partner, String afterEmail, int limit) {
        Map<String, Object> binds = new HashMap<>(Map.of("partner", partner, "limit", limit));
        if (afterEmail != null) {
            binds.put("after", afterEmail);
        }
        return list("WHERE partner_id = :partner" + (afterEmail == null ? "" : " AND email > :after")
                + " ORDER BY email LIMIT :limit", binds);
    }
}
