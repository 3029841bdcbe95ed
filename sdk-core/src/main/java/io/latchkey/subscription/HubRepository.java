package io.latchkey.subscription;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.OrgId;
import io.latchkey.store.UniqueKey;
import io.latchkey.store.VersionedRows;
import io.latchkey.party.SiteId;
import java.util.List;

/**
 * Storage port for hubs. Serials are unique: inserting a taken one throws
 * {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#DUPLICATE}. Must be called inside a
 * transaction.
 */
public interface HubRepository extends VersionedRows<HubId, Hub> {

    /** A serial is one hub's. */
    UniqueKey<Hub> SERIAL = new UniqueKey<>("hub_serial_unique", Hub::serial,
            h -> LatchkeyException.of(ErrorCode.DUPLICATE, "hub " + h.serial()));

    /** A seller's hubs, by serial. */
    List<Hub> bySeller(OrgId seller, HubId after, int limit);

    /** The hubs at a site, in id order after {@code after}. */
    List<Hub> bySite(SiteId site, HubId after, int limit);
}
