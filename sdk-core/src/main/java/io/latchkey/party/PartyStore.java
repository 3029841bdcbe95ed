package io.latchkey.party;

import io.latchkey.store.Port;

/**
 * The storage port of the channel: organizations, members, end customers, connection requests, firms and
 * sites. Every repository must be used inside {@link io.latchkey.store.Transactions#inTransaction}.
 */
@Port(inMemory = InMemoryPartyStore.class)
public interface PartyStore {

    OrganizationRepository organizations();

    MemberRepository members();

    CustomerRepository customers();

    ConnectionRepository connections();

    FirmRepository firms();

    SiteRepository sites();
}
