package io.latchkey.credential;

import io.latchkey.access.OrgId;
import java.util.List;
import java.util.Optional;

/**
 * Storage port for clients. E-mail addresses are unique per partner: inserting or updating to a taken one
 * throws {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#CLIENT_EMAIL_TAKEN}. Must be
 * called inside a transaction.
 */
public interface ClientRepository {

    void insert(Client client);

    Client update(Client client);

    Optional<Client> find(ClientId id);

    Optional<Client> findByEmail(OrgId partner, String email);

    /** A partner's clients by e-mail, after {@code afterEmail} (exclusive; null from the start). */
    List<Client> list(OrgId partner, String afterEmail, int limit);
}
