package io.latchkey.credential;

import io.latchkey.access.OrgId;
import io.latchkey.store.VersionedRows;
import java.time.Instant;
import java.util.List;

/** Storage port for issuances. Must be called inside a transaction. */
public interface IssuanceRepository extends VersionedRows<IssuanceId, Issuance> {

    /**
     * A partner's issuances, newest first, optionally of one client and with a window overlapping the period
     * from {@code from} to {@code to} (each optional), before {@code before} (exclusive; null from the newest).
     */
    List<Issuance> list(OrgId partner, ClientId client, Instant from, Instant to, IssuanceId before, int limit);
}
