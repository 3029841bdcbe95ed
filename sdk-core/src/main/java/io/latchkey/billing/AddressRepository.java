package io.latchkey.billing;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.store.UniqueKey;
import io.latchkey.store.VersionedRows;
import java.util.List;
import java.util.Optional;

/** Storage port for the addresses of profiles. Must be called inside a transaction. */
public interface AddressRepository extends VersionedRows<AddressId, ProfileAddress> {

    /** A billing account is one address. */
    UniqueKey<ProfileAddress> ACCOUNT = new UniqueKey<>("billing_address_account_unique",
            ProfileAddress::accountId, a -> LatchkeyException.of(ErrorCode.DUPLICATE, "account " + a.accountId()));

    Optional<ProfileAddress> findByAccount(String accountId);

    /** A profile's addresses, removed ones too, in account order. */
    List<ProfileAddress> byProfile(ProfileId profile);

    /** Addresses not removed that no pass from {@code pass} on has seen, at most {@code limit}. */
    List<ProfileAddress> unseenSince(long pass, int limit);
}
