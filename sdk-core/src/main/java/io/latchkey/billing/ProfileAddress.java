package io.latchkey.billing;

import java.time.Instant;
import java.util.Objects;

/**
 * One address of a profile: one billing account (an apartment), what it allows, and the sync pass that last saw
 * it (a completed pass removes what it did not see).
 *
 * @param id        its id
 * @param accountId the billing's account; unique
 * @param profile   the profile its login names
 * @param address   the apartment's address as the billing keeps it
 * @param state     what the resident may do there
 * @param seenPass  the number of the sync pass that last saw the account
 * @param changedAt when its state last changed
 * @param version   optimistic version
 */
public record ProfileAddress(AddressId id, String accountId, ProfileId profile, String address, AddressState state,
                             long seenPass, Instant changedAt, long version) {

    public ProfileAddress {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    ProfileAddress with(ProfileId newProfile, String newAddress, AddressState newState, long pass, Instant at) {
        return new ProfileAddress(id, accountId, newProfile, newAddress, newState, pass,
                newState == state ? changedAt : at, version);
    }

    /** The same address with another version; for stores. */
    public ProfileAddress withVersion(long newVersion) {
        return new ProfileAddress(id, accountId, profile, address, state, seenPass, changedAt, newVersion);
    }
}
