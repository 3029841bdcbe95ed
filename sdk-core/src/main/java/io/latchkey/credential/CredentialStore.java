package io.latchkey.credential;

import io.latchkey.store.Port;

/**
 * The storage port of credential pools: pool orders, clients, credentials and their issuances. Every
 * repository must be used inside {@link io.latchkey.store.Transactions#inTransaction}.
 */
@Port(inMemory = InMemoryCredentialStore.class)
public interface CredentialStore {

    PoolOrderRepository poolOrders();

    ClientRepository clients();

    CredentialRepository credentials();

    IssuanceRepository issuances();
}
