package io.latchkey.credential;

import io.latchkey.access.OrgId;
import java.time.Instant;
import java.util.Optional;

/**
 * A partner's pool at a glance, by effective state now.
 *
 * @param partner           whose pool
 * @param free              credentials ready to issue
 * @param issued            issued and not yet active (NEW)
 * @param active            ACTIVATED
 * @param deactivated       waiting out the cool-down before returning to the pool
 * @param expired           free credentials whose capacity has ended: they can no longer be issued
 * @param capacityExpiresAt when the last finite capacity ends; empty if some capacity is unlimited or none is left
 */
public record PoolSummary(OrgId partner, int free, int issued, int active, int deactivated, int expired,
                          Optional<Instant> capacityExpiresAt) {

    /** Credentials that still count: everything but the expired ones. */
    public int capacity() {
        return free + issued + active + deactivated;
    }
}
