package io.latchkey.subscription;

import io.latchkey.access.OrgId;
import io.latchkey.party.SiteId;
import java.time.Instant;
import java.util.Objects;

/**
 * A hub installed at a site of a seller's customer.
 *
 * @param id           its id
 * @param seller       the seller that installed and serves it
 * @param site         where it is installed
 * @param serial       its serial number; unique
 * @param simInstalled whether the operator's SIM card is in it
 * @param createdAt    when it was added
 * @param version      optimistic version
 */
public record Hub(HubId id, OrgId seller, SiteId site, String serial, boolean simInstalled,
                  Instant createdAt, long version) {
    public Hub {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The same hub with another version; for stores. */
    public Hub withVersion(long newVersion) {
        return new Hub(id, seller, site, serial, simInstalled, createdAt, newVersion);
    }

    Hub movedTo(SiteId newSite) {
        return new Hub(id, seller, newSite, serial, simInstalled, createdAt, version);
    }
}
