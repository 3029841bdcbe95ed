package io.latchkey.party;

import io.latchkey.access.OrgId;
import io.latchkey.access.Channel;
import java.util.List;
import java.util.Optional;

/**
 * Storage port for organizations. Every method must be called inside
 * {@link io.latchkey.store.Transactions#inTransaction}.
 */
public interface OrganizationRepository extends Channel {

    void insert(Organization organization);

    /** Stores a changed organization if its version is still the stored one; returns it with the new version. */
    Organization update(Organization organization);

    Optional<Organization> find(OrgId id);

    /** The operator, if it was created. */
    Optional<Organization> findOperator();

    /**
     * Organizations of {@code kind} whose id is {@code text} or whose name contains it (any case), by name;
     * at most {@code limit}.
     */
    List<Organization> search(OrgKind kind, String text, int limit);

    /** The organizations whose parent is {@code parent}, by name. */
    List<Organization> children(OrgId parent);

    @Override
    default Optional<OrgId> parentOf(OrgId organization) {
        return find(organization).flatMap(Organization::parent);
    }

    @Override
    default Optional<OrgId> operatorId() {
        return findOperator().map(Organization::id);
    }
}
