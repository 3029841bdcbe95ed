package io.latchkey.credential;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.OrgId;
import io.latchkey.access.Permission;
import io.latchkey.internal.Checks;
import io.latchkey.notify.Language;
import io.latchkey.store.Transactions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A partner's clients: the people it issues credentials to, each with the time zone and language their
 * e-mails are written in. E-mail addresses are unique per partner.
 *
 * <p>Thread-safe.
 */
public final class Clients {

    private final Transactions transactions;
    private final PoolRecords records;

    Clients(Transactions transactions, PoolRecords records) {
        this.transactions = transactions;
        this.records = records;
    }

    /** Adds a client to the actor's partner. */
    public Client createClient(Actor actor, ClientDraft draft) {
        return transactions.inTransaction(() -> {
            OrgId partner = records.ownPartner(actor, Permission.CLIENT_MANAGE);
            Client client = checked(new ClientId(records.ids.next()), partner, draft, records.clock.instant(), 0);
            records.store.clients().insert(client);
            return client;
        });
    }

    /** Replaces a client's details. */
    public Client updateClient(Actor actor, ClientId id, ClientDraft draft) {
        return transactions.inTransaction(() -> {
            Client current = visible(actor, id);
            records.access.require(actor, Permission.CLIENT_MANAGE, current.partner(), ErrorCode.CLIENT_NOT_FOUND, id);
            return records.store.clients().update(checked(id, current.partner(), draft, current.createdAt(),
                    current.version()));
        });
    }

    /** One client the actor may view. */
    public Client client(Actor actor, ClientId id) {
        return transactions.inTransaction(() -> {
            Client client = visible(actor, id);
            records.access.require(actor, Permission.VIEW, client.partner(), ErrorCode.CLIENT_NOT_FOUND, id);
            return client;
        });
    }

    /** A partner's clients by e-mail ({@code partner} null: the actor's own), after {@code afterEmail}. */
    public List<Client> clients(Actor actor, OrgId partner, String afterEmail, int limit) {
        return transactions.inTransaction(() -> records.store.clients().list(records.viewed(actor, partner),
                Checks.optional("afterEmail", afterEmail, Checks.MAX_EMAIL), Checks.pageSize(limit,
                        PoolRecords.MAX_LIST)));
    }

    private Client visible(Actor actor, ClientId id) {
        return records.store.clients().find(id).filter(c -> records.access.sees(actor, c.partner()))
                .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.CLIENT_NOT_FOUND, "id", id));
    }

    private static Client checked(ClientId id, OrgId partner, ClientDraft draft, Instant createdAt, long version) {
        String email = Checks.email("email", draft.email());
        String fullName = Checks.required("fullName", draft.fullName(), 200);
        ZoneId zone = Checks.timezone("timezone", draft.timezone());
        Language language = Language.parse("language", draft.language());
        String description = Checks.text("description", draft.description(), 1000);
        return new Client(id, partner, email, fullName, zone, language, description, createdAt, version);
    }
}
