package io.latchkey.credential;

import io.latchkey.access.OrgId;
import java.util.List;
import java.util.Optional;

/** Storage port for issuances. Must be called inside a transaction. */
public interface IssuanceRepository {

    void insert(Issuance issuance);

    Issuance update(Issuance issuance);

    Optional<Issuance> find(IssuanceId id);

    /**
     * A partner's issuances, newest first, optionally of one client, before {@code before} (exclusive; null
     * from the newest).
     */
    List<Issuance> list(OrgId partner, ClientId client, IssuanceId before, int limit);
}
