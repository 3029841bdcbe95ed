package io.latchkey.license;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.OrgId;
import io.latchkey.store.UniqueKey;
import io.latchkey.store.VersionedRows;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Storage port for licenses. Code hashes are unique: inserting a taken one throws
 * {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#DUPLICATE}. Must be called inside a
 * transaction.
 */
public interface LicenseRepository extends VersionedRows<LicenseId, License> {

    /** A code (its keyed hash) is one license's. */
    UniqueKey<License> CODE = new UniqueKey<>("license_code_unique", License::codeHash,
            l -> LatchkeyException.of(ErrorCode.DUPLICATE, "license code"));

    /** The license whose code hash is one of {@code hashes} (one per key, for rotated keys). */
    Optional<License> findByHash(List<String> hashes);

    /** Licenses held by {@code holder} in one of {@code states} (all when null), by id, after {@code after}. */
    List<License> heldBy(OrgId holder, Set<LicenseState> states, LicenseId after, int limit);

    /** How many licenses an organization holds now, in any state. */
    int countHeldBy(OrgId holder);
}
