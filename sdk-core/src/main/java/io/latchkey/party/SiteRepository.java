package io.latchkey.party;

import io.latchkey.access.OrgId;
import io.latchkey.store.VersionedRows;
import java.util.List;

/** Storage port for sites. Must be called inside a transaction. */
public interface SiteRepository extends VersionedRows<SiteId, Site> {

    /** An organization's sites, by name. */
    List<Site> byOrganization(OrgId organization);
}
