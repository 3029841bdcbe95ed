package io.latchkey.credential;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.OrgId;
import io.latchkey.store.UniqueKey;
import io.latchkey.store.VersionedRows;
import java.util.List;
import java.util.Optional;

/**
 * Storage port for clients. E-mail addresses are unique per partner: inserting or updating to a taken one
 * throws {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#CLIENT_EMAIL_TAKEN}. Must be
 * called inside a transaction.
 */
public interface ClientRepository extends VersionedRows<ClientId, Client> {

    /** An e-mail address is one client's within a partner. */
    UniqueKey<Client> EMAIL = new UniqueKey<>("client_email_unique", c -> c.partner() + "/" + c.email(),
            c -> LatchkeyException.ofField(ErrorCode.CLIENT_EMAIL_TAKEN, "email", c.email()));

    Optional<Client> findByEmail(OrgId partner, String email);

    /** A partner's clients by e-mail, after {@code afterEmail} (exclusive; null from the start). */
    List<Client> list(OrgId partner, String afterEmail, int limit);
}
