package io.latchkey.party;

import io.latchkey.access.OrgId;
import java.util.List;
import java.util.Optional;

/** Storage port for sites. Must be called inside a transaction. */
public interface SiteRepository {

    void insert(Site site);

    Optional<Site> find(SiteId id);

    /** An organization's sites, by name. */
    List<Site> byOrganization(OrgId organization);
}
