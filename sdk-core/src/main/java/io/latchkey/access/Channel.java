package io.latchkey.access;

import java.util.Optional;

/**
 * The shape of the channel that tenancy checks walk: which organization lies above which, and which is the
 * operator at the root. The party area's organization store provides it. Call inside a transaction.
 */
public interface Channel {

    /** The organization directly above {@code organization}; empty for the operator or an unknown id. */
    Optional<OrgId> parentOf(OrgId organization);

    /** The operator at the root, once it exists. */
    Optional<OrgId> operatorId();

    /** Whether {@code organization} is a company (a customer of the channel, with people of its own). */
    boolean isCompany(OrgId organization);
}
