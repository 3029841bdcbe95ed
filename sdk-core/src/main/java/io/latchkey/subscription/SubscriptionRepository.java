package io.latchkey.subscription;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.OrgId;
import io.latchkey.store.UniqueKey;
import io.latchkey.store.VersionedRows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage port for subscriptions. A hub has at most one live (not ENDED) subscription: inserting a second
 * throws {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#SUBSCRIPTION_EXISTS}. Must be
 * called inside a transaction.
 */
public interface SubscriptionRepository extends VersionedRows<SubscriptionId, Subscription> {

    /** A hub has one live subscription at a time. */
    UniqueKey<Subscription> ONE_LIVE = new UniqueKey<>("subscription_one_live", Subscription::liveHub,
            s -> LatchkeyException.ofField(ErrorCode.SUBSCRIPTION_EXISTS, "hubId"));

    /** The hub's subscription that is not ENDED (as stored), if any. */
    Optional<Subscription> liveOnHub(HubId hub);

    /** A seller's subscriptions, newest first. */
    List<Subscription> bySeller(OrgId seller);

    /**
     * A page of a seller's subscriptions, in id order: those after {@code after} (from the first when it is null), at
     * most {@code limit}.
     */
    List<Subscription> bySeller(OrgId seller, SubscriptionId after, int limit);

    /** The subscriptions invoiced to a reseller that started before {@code to} and were not over by {@code from}. */
    List<Subscription> byReseller(OrgId reseller, Instant from, Instant to, SubscriptionId after, int limit);

    /** Locks and returns up to {@code limit} subscriptions due at {@code now}, skipping locked ones. */
    List<Subscription> claimDue(Instant now, int limit);
}
