package io.latchkey.credential;

import io.latchkey.access.OrgId;
import java.util.List;
import java.util.Optional;

/** Storage port for pool orders. Must be called inside a transaction. */
public interface PoolOrderRepository {

    void insert(PoolOrder order);

    /** Stores a changed order if its version is still the stored one; returns it with the new version. */
    PoolOrder update(PoolOrder order);

    Optional<PoolOrder> find(PoolOrderId id);

    /** The next order number (1, 2, 3, …), never handed out twice, also across nodes. */
    long nextNumber();

    /** The orders of one partner, or of every partner if {@code partner} is null; newest first. */
    List<PoolOrder> list(OrgId partner, int limit);
}
