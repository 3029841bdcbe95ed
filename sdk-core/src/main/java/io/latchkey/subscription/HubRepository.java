package io.latchkey.subscription;

import io.latchkey.access.OrgId;
import java.util.List;
import java.util.Optional;

/**
 * Storage port for hubs. Serials are unique: inserting a taken one throws
 * {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#DUPLICATE}. Must be called inside a
 * transaction.
 */
public interface HubRepository {

    void insert(Hub hub);

    Hub update(Hub hub);

    Optional<Hub> find(HubId id);

    /** A seller's hubs, by serial. */
    List<Hub> bySeller(OrgId seller);
}
