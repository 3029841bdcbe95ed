package io.latchkey.subscription;

import java.util.List;
import java.util.Optional;

/**
 * Storage port for the package catalog. Codes are unique: inserting a taken one throws
 * {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#DUPLICATE}. Must be called inside a
 * transaction.
 */
public interface PackageRepository {

    void insert(ServicePackage servicePackage);

    Optional<ServicePackage> find(PackageId id);

    /** The whole catalog, by code. */
    List<ServicePackage> all();
}
