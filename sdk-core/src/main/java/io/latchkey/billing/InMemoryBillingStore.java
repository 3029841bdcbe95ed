package io.latchkey.billing;

import io.latchkey.store.InMemoryStore;
import io.latchkey.store.InMemoryStore.Index;
import io.latchkey.store.InMemoryStore.Table;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link BillingStore} in an {@link InMemoryStore}. */
final class InMemoryBillingStore implements BillingStore {

    private final Profiles profiles;
    private final Addresses addresses;
    private final Checkpoints checkpoint;

    InMemoryBillingStore(InMemoryStore store) {
        profiles = new Profiles(store);
        addresses = new Addresses(store);
        checkpoint = new Checkpoints(store);
    }

    private static final class Profiles extends Table<ProfileId, Profile> implements ProfileRepository {
        private final Index<String, ProfileId, Profile> logins;

        Profiles(InMemoryStore store) {
            super(store, Profile::id, Profile::version, Profile::withVersion);
            logins = unique(LOGIN);
        }

        @Override
        public Optional<Profile> findByLogin(String login) {
            return logins.find(login);
        }

        @Override
        public List<Profile> page(String afterLogin, int limit) {
            return rows().filter(p -> afterLogin == null || p.login().compareTo(afterLogin) > 0)
                    .sorted(Comparator.comparing(Profile::login)).limit(limit).toList();
        }
    }

    private static final class Addresses extends Table<AddressId, ProfileAddress> implements AddressRepository {
        private final Index<String, AddressId, ProfileAddress> accounts;

        Addresses(InMemoryStore store) {
            super(store, ProfileAddress::id, ProfileAddress::version, ProfileAddress::withVersion);
            accounts = unique(ACCOUNT);
        }

        @Override
        public Optional<ProfileAddress> findByAccount(String accountId) {
            return accounts.find(accountId);
        }

        @Override
        public List<ProfileAddress> byProfile(ProfileId profile) {
            return rows().filter(a -> a.profile().equals(profile))
                    .sorted(Comparator.comparing(ProfileAddress::accountId)).toList();
        }

        @Override
        public List<ProfileAddress> unseenSince(long pass, int limit) {
            return rows().filter(a -> a.state() != AddressState.REMOVED && a.seenPass() < pass)
                    .sorted(Comparator.comparing(ProfileAddress::accountId)).limit(limit).toList();
        }
    }

    private static final class Checkpoints extends Table<String, SyncCheckpoint> implements CheckpointRepository {
        private static final String ONE = "billing";

        Checkpoints(InMemoryStore store) {
            super(store, c -> ONE, SyncCheckpoint::version, SyncCheckpoint::withVersion);
        }

        @Override
        public SyncCheckpoint current() {
            return find(ONE).orElse(SyncCheckpoint.FIRST);
        }

        @Override
        public SyncCheckpoint save(SyncCheckpoint next) {
            if (find(ONE).isEmpty() && next.version() == 0) {
                insert(next.withVersion(1));
                return next.withVersion(1);
            }
            return update(next);
        }
    }

    @Override
    public ProfileRepository profiles() {
        return profiles;
    }

    @Override
    public AddressRepository addresses() {
        return addresses;
    }

    @Override
    public CheckpointRepository checkpoint() {
        return checkpoint;
    }
}
