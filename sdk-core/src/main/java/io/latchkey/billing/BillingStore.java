package io.latchkey.billing;

import io.latchkey.store.Port;

/**
 * The storage port of billing accounts: platform profiles, their addresses and the sync's checkpoint. Every
 * repository must be used inside {@link io.latchkey.store.Transactions#inTransaction}.
 */
@Port(inMemory = InMemoryBillingStore.class)
public interface BillingStore {

    ProfileRepository profiles();

    AddressRepository addresses();

    CheckpointRepository checkpoint();
}
