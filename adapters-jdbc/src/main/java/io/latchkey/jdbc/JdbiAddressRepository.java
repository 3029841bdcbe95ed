package io.latchkey.jdbc;

import io.latchkey.billing.AddressId;
import io.latchkey.billing.AddressRepository;
import io.latchkey.billing.AddressState;
import io.latchkey.billing.ProfileAddress;
import io.latchkey.billing.ProfileId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** The addresses of profiles in the {@code billing_address} table. */
final class JdbiAddressRepository extends JdbiRows<AddressId, ProfileAddress> implements AddressRepository {

    static final Table<ProfileAddress> TABLE = Table.<ProfileAddress>named("billing_address")
            .uuid("id", ProfileAddress::id)
            .text("account_id", ProfileAddress::accountId)
            .uuid("profile_id", ProfileAddress::profile)
            .text("address", ProfileAddress::address)
            .text("state", ProfileAddress::state)
            .bigint("seen_pass", ProfileAddress::seenPass)
            .time("changed_at", ProfileAddress::changedAt)
            .version(ProfileAddress::version, ProfileAddress::withVersion)
            .unique(ACCOUNT)
            .reads(r -> new ProfileAddress(r.id("id", AddressId::new), r.text("account_id"),
                    r.id("profile_id", ProfileId::new), r.text("address"), r.enumOf("state", AddressState.class),
                    r.bigint("seen_pass"), r.time("changed_at"), r.bigint("version")));

    JdbiAddressRepository(Supplier<Handle> handle) {
        super(handle, TABLE);
    }

    @Override
    public Optional<ProfileAddress> findByAccount(String accountId) {
        return one("WHERE account_id = :account", Map.of("account", accountId));
    }

    @Override
    public List<ProfileAddress> byProfile(ProfileId profile) {
        return list("WHERE profile_id = :profile ORDER BY account_id", Map.of("profile", profile));
    }

    @Override
    public List<ProfileAddress> unseenSince(long pass, int limit) {
        return list("WHERE seen_pass < :pass AND state <> :removed ORDER BY account_id LIMIT :limit",
                Map.of("pass", pass, "removed", AddressState.REMOVED, "limit", limit));
    }
}
