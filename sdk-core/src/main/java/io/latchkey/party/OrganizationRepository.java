package io.latchkey.party;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Channel;
import io.latchkey.access.OrgId;
import io.latchkey.store.UniqueKey;
import io.latchkey.store.VersionedRows;
import java.util.List;
import java.util.Optional;

/**
 * Storage port for organizations. Every method must be called inside
 * {@link io.latchkey.store.Transactions#inTransaction}.
 */
public interface OrganizationRepository extends VersionedRows<OrgId, Organization>, Channel {

    /** One operator: the root of the channel. */
    UniqueKey<Organization> ONE_OPERATOR = new UniqueKey<>("organization_one_operator",
            o -> o.kind() == OrgKind.OPERATOR ? Boolean.TRUE : null,
            o -> LatchkeyException.of(ErrorCode.DUPLICATE, "the operator"));

    /** The operator, if it was created. */
    Optional<Organization> findOperator();

    /** The open organizations a search finds, a page in id order ({@link OrgSearch}). */
    List<Organization> search(OrgSearch search);

    /** The organizations whose parent is {@code parent}, by name. */
    List<Organization> children(OrgId parent);

    /**
     * A page of the organizations directly below {@code parent}, in id order: those after {@code after} (from the first
     * when it is null), at most {@code limit}.
     */
    List<Organization> children(OrgId parent, OrgId after, int limit);

    /**
     * A page of the open partners of a country (ISO 3166 alpha-2, upper case), in id order: those after {@code after}
     * (from the first when it is null), at most {@code limit}.
     */
    List<Organization> openPartners(String country, OrgId after, int limit);

    /** The open partner whose contact address ({@link Requisites#email()}) is {@code email}, if any. */
    Optional<Organization> openPartnerByEmail(String email);

    /**
     * Partners that applied and wait for the operator (neither approved nor closed), oldest first, at most
     * {@code limit}.
     */
    List<Organization> applications(int limit);

    @Override
    default Optional<OrgId> parentOf(OrgId organization) {
        return find(organization).flatMap(Organization::parent);
    }

    @Override
    default boolean isCompany(OrgId organization) {
        return find(organization).map(o -> o.kind() == OrgKind.COMPANY).orElse(false);
    }

    @Override
    default Optional<OrgId> operatorId() {
        return findOperator().map(Organization::id);
    }
}
