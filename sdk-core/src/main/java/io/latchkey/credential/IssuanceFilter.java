package io.latchkey.credential;

import io.latchkey.access.OrgId;
import java.time.Instant;

/**
 * Which issued labels a list shows ("Временные метки"): each part optional.
 *
 * @param partner whose labels; null: the actor's own organization's
 * @param client  only this client's
 * @param status  only those in this state now (NEW, ACTIVATED or DEACTIVATED)
 * @param from    only those whose window ends after this instant
 * @param to      only those whose window starts before this instant (after {@code from})
 */
public record IssuanceFilter(OrgId partner, ClientId client, CredentialState status, Instant from, Instant to) {

    /** Every label of the actor's own organization. */
    public static final IssuanceFilter ALL = new IssuanceFilter(null, null, null, null, null);
}
