package io.latchkey.billing;

import java.time.Instant;
import java.util.Objects;

/**
 * A resident's user on the intercom platform: one per platform login, made by the sync when the billing first
 * names the login on an account.
 *
 * @param id        its id
 * @param login     the platform login; unique
 * @param state     whether it exists now
 * @param createdAt when the sync made it
 * @param version   optimistic version
 */
public record Profile(ProfileId id, String login, ProfileState state, Instant createdAt, long version) {

    public Profile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    Profile withState(ProfileState newState) {
        return new Profile(id, login, newState, createdAt, version);
    }

    /** The same profile with another version; for stores. */
    public Profile withVersion(long newVersion) {
        return new Profile(id, login, state, createdAt, newVersion);
    }
}
