package io.latchkey.subscription;

import java.time.Instant;
import java.util.Objects;

/**
 * A service package of the operator's catalog.
 *
 * @param id           its id
 * @param code         its code; unique
 * @param name         its name
 * @param monthlyPrice the price per month in minor units (kopecks, grosze, cents)
 * @param currency     ISO 4217 code
 * @param requiresSim  whether a hub needs the operator's SIM card to have it
 * @param createdAt    when it was added
 * @param version      optimistic version
 */
public record ServicePackage(PackageId id, String code, String name, long monthlyPrice, String currency,
                             boolean requiresSim, Instant createdAt, long version) {
    public ServicePackage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The same package with another version; for stores. */
    public ServicePackage withVersion(long newVersion) {
        return new ServicePackage(id, code, name, monthlyPrice, currency, requiresSim, createdAt, newVersion);
    }
}
