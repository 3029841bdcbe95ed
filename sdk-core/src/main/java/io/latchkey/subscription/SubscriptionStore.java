package io.latchkey.subscription;

import io.latchkey.store.Port;

/**
 * The storage port of service packages: the catalog, hubs and subscriptions. Every repository must be used
 * inside {@link io.latchkey.store.Transactions#inTransaction}.
 */
@Port(inMemory = InMemorySubscriptionStore.class)
public interface SubscriptionStore {

    PackageRepository packages();

    HubRepository hubs();

    SubscriptionRepository subscriptions();
}
