package io.latchkey.subscription;

import io.latchkey.access.OrgId;
import java.time.Instant;
import java.util.Objects;

/**
 * A service package subscribed on a hub, invoiced to a reseller.
 *
 * @param id        its id
 * @param hub       the hub
 * @param seller    the seller that activated it
 * @param reseller  the reseller it is invoiced to
 * @param pkg       the package
 * @param state     its stored state ({@link #effectiveState} is what holds now)
 * @param startedAt when it was activated
 * @param endsAt    when an EXPIRES_SOON subscription ends: the 1st of the next month, 00:00 in the seller's zone
 * @param endedAt   when it ended; null before
 * @param version   optimistic version
 */
public record Subscription(SubscriptionId id, HubId hub, OrgId seller, OrgId reseller, PackageId pkg,
                           SubscriptionState state, Instant startedAt, Instant endsAt, Instant endedAt, long version) {
    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hub, "hub");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(reseller, "reseller");
        Objects.requireNonNull(pkg, "pkg");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        if ((state == SubscriptionState.EXPIRES_SOON) != (endsAt != null && endedAt == null)) {
            throw new IllegalArgumentException("a subscription has an end date exactly while it expires soon");
        }
    }

    /** The same subscription with another version; for stores. */
    public Subscription withVersion(long newVersion) {
        return new Subscription(id, hub, seller, reseller, pkg, state, startedAt, endsAt, endedAt, newVersion);
    }

    /** Its state at {@code now}: an expiring subscription has ended once its end date has come. */
    public SubscriptionState effectiveState(Instant now) {
        return state == SubscriptionState.EXPIRES_SOON && !now.isBefore(endsAt) ? SubscriptionState.ENDED : state;
    }

    /** When it stops (or stopped) being billable: its end, its end date, or never (null). */
    public Instant billableUntil() {
        return endedAt != null ? endedAt : endsAt;
    }

    /**
     * The hub it is live on, or null once ENDED. A hub has at most one live subscription: stores keep this
     * value unique.
     */
    public HubId liveHub() {
        return state == SubscriptionState.ENDED ? null : hub;
    }

    /** When the scheduler should end it; null if it has no end date. */
    public Instant dueAt() {
        return state == SubscriptionState.EXPIRES_SOON ? endsAt : null;
    }

    Subscription expiring(SubscriptionState next, Instant at) {
        return new Subscription(id, hub, seller, reseller, pkg, next, startedAt, at, null, version);
    }

    Subscription resumed(SubscriptionState next) {
        return new Subscription(id, hub, seller, reseller, pkg, next, startedAt, null, null, version);
    }

    Subscription ended(SubscriptionState next, Instant at) {
        return new Subscription(id, hub, seller, reseller, pkg, next, startedAt, null, at, version);
    }

    /** As it stands at {@code now}: ended on its end date, even before the scheduler persists that. */
    Subscription asOf(Instant now) {
        return effectiveState(now) == state ? this : ended(SubscriptionState.ENDED, endsAt);
    }
}
