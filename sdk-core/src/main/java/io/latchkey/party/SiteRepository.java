package io.latchkey.party;

import io.latchkey.access.OrgId;
import io.latchkey.store.VersionedRows;
import java.util.List;

/** Storage port for sites. Must be called inside a transaction. */
public interface SiteRepository extends VersionedRows<SiteId, Site> {

    /**
     * A page of an organization's sites, in id order: those after {@code after} (from the first when it is null), at
     * most {@code limit}.
     */
    List<Site> byOrganization(OrgId organization, SiteId after, int limit);

    /** How many sites (trade objects) an organization has. */
    int count(OrgId organization);
}
