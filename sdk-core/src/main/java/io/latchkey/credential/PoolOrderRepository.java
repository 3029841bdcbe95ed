package io.latchkey.credential;

import io.latchkey.access.OrgId;
import io.latchkey.store.VersionedRows;
import java.util.List;

/** Storage port for pool orders. Must be called inside a transaction. */
public interface PoolOrderRepository extends VersionedRows<PoolOrderId, PoolOrder> {

    /** The next order number (1, 2, 3, …), never handed out twice, also across nodes. */
    long nextNumber();

    /** The orders of one partner, or of every partner if {@code partner} is null; newest first. */
    List<PoolOrder> list(OrgId partner, int limit);

    /**
     * The NEW orders placed with {@code dealer}, newest first: those numbered below {@code beforeNumber} (from the
     * newest when it is null), at most {@code limit}.
     */
    List<PoolOrder> awaiting(OrgId dealer, Long beforeNumber, int limit);
}
