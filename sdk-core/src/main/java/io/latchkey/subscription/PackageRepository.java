package io.latchkey.subscription;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.store.UniqueKey;
import io.latchkey.store.VersionedRows;
import java.util.List;

/**
 * Storage port for the package catalog. Codes are unique: inserting a taken one throws
 * {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#DUPLICATE}. Must be called inside a
 * transaction.
 */
public interface PackageRepository extends VersionedRows<PackageId, ServicePackage> {

    /** A code is one package's. */
    UniqueKey<ServicePackage> CODE = new UniqueKey<>("service_package_code_unique", ServicePackage::code,
            p -> LatchkeyException.of(ErrorCode.DUPLICATE, "package " + p.code()));

    /** The whole catalog, by code. */
    List<ServicePackage> all();
}
