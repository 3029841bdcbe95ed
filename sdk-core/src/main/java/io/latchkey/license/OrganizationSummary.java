package io.latchkey.license;

import io.latchkey.party.Organization;
import java.util.Objects;

/**
 * An organization with what it has, as the licensor's lists show it.
 *
 * @param organization the organization
 * @param firms        how many firms it has (a company's legal entities; none for a partner)
 * @param sites        how many trade objects (sites) it has
 * @param licenses     how many licenses it holds now
 */
public record OrganizationSummary(Organization organization, int firms, int sites, int licenses) {

    public OrganizationSummary {
        Objects.requireNonNull(organization, "organization");
    }
}
