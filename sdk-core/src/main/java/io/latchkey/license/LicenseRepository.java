package io.latchkey.license;

import io.latchkey.access.OrgId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Storage port for licenses. Code hashes are unique: inserting a taken one throws
 * {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#DUPLICATE}. Must be called inside a
 * transaction.
 */
public interface LicenseRepository {

    void insert(License license);

    /** Stores a changed license if its version is still the stored one; returns it with the new version. */
    License update(License license);

    Optional<License> find(LicenseId id);

    /** The license whose code hash is one of {@code hashes} (one per key, for rotated keys). */
    Optional<License> findByHash(List<String> hashes);

    /** Licenses held by {@code holder} in one of {@code states} (all when null), by id, after {@code after}. */
    List<License> heldBy(OrgId holder, Set<LicenseState> states, LicenseId after, int limit);
}
