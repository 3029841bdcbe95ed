package io.latchkey.credential;

import io.latchkey.access.OrgId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A partner's order of pool capacity.
 *
 * @param id          its id
 * @param number      its number, counting up across the deployment (shown as "ID" in the portal)
 * @param partner     the partner whose pool it fills
 * @param dealer      the organization it was placed with, which decides it: the partner's parent when placed
 * @param size        how many credentials it mints, at least 1
 * @param term        how long they may be issued for
 * @param createdAt   when it was placed
 * @param validUntil  when its capacity ends, fixed when placed; null for {@link PoolTerm#UNLIMITED}
 * @param status      where it stands
 * @param decidedAt   when it was completed or rejected; null while NEW
 * @param decidedBy   who completed or rejected it ({@link io.latchkey.access.Actor#describe()}); null while NEW
 * @param version     optimistic version
 */
public record PoolOrder(PoolOrderId id, long number, OrgId partner, OrgId dealer, int size, PoolTerm term,
                        Instant createdAt, Instant validUntil, PoolOrderStatus status, Instant decidedAt,
                        String decidedBy, long version) {

    public PoolOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(dealer, "dealer");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1");
        }
    }

    public Optional<Instant> validity() {
        return Optional.ofNullable(validUntil);
    }

    PoolOrder decided(PoolOrderStatus newStatus, Instant at, String by) {
        return new PoolOrder(id, number, partner, dealer, size, term, createdAt, validUntil, newStatus, at, by,
                version);
    }

    /** The same pool order with another version; for stores. */
    public PoolOrder withVersion(long version) {
        return new PoolOrder(id, number, partner, dealer, size, term, createdAt, validUntil, status, decidedAt,
                decidedBy, version);
    }
}
