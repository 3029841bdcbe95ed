package io.latchkey.party;

import io.latchkey.access.OrgId;
import java.time.Instant;
import java.util.Objects;

/**
 * A site of an organization: a trade object where POS devices work, or premises where hubs are installed.
 *
 * @param id           its id
 * @param organization whose site it is
 * @param name         its name
 * @param address      its address; may be null
 * @param createdAt    when it was added
 * @param version      optimistic version
 */
public record Site(SiteId id, OrgId organization, String name, String address, Instant createdAt, long version) {
    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The same site with another version; for stores. */
    public Site withVersion(long newVersion) {
        return new Site(id, organization, name, address, createdAt, newVersion);
    }

    /** The same site with a new name and address. */
    Site renamed(String newName, String newAddress) {
        return new Site(id, organization, newName, newAddress, createdAt, version);
    }
}
