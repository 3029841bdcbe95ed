package io.latchkey.subscription;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Access;
import io.latchkey.access.Actor;
import io.latchkey.access.Holder;
import io.latchkey.access.OrgId;
import io.latchkey.access.Permission;
import io.latchkey.crypto.Ids;
import io.latchkey.internal.Checks;
import io.latchkey.lifecycle.Aggregate;
import io.latchkey.lifecycle.Steps;
import io.latchkey.party.Organization;
import io.latchkey.party.PartyStore;
import io.latchkey.party.Site;
import io.latchkey.party.SiteId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The subscription area's records as its services share them: the stores, the kernel step bound to
 * subscriptions, the seller acting, and the end of the month caught up on read.
 */
final class SubscriptionRecords {

    final SubscriptionStore store;
    final PartyStore party;
    final Steps steps;
    final Access access;
    final Clock clock;
    final Ids ids;
    final Aggregate<Subscription, SubscriptionState, SubscriptionEvent> subscriptions;

    SubscriptionRecords(SubscriptionStore store, PartyStore party, Steps steps, Access access, Clock clock, Ids ids) {
        this.store = store;
        this.party = party;
        this.steps = steps;
        this.access = access;
        this.clock = clock;
        this.ids = ids;
        this.subscriptions = new Aggregate<>(SubscriptionLifecycle.TABLE, Subscription::state, Subscription::id,
                s -> Holder.of(s.seller()), store.subscriptions()::insert, store.subscriptions()::update);
    }

    /** The actor's organization, which must be a registered seller whose staff may manage subscriptions. */
    Organization seller(Actor actor) {
        OrgId own = Checks.required("organization", actor.organization());
        access.require(actor, Permission.SUBSCRIPTION_MANAGE, own, ErrorCode.ORGANIZATION_NOT_FOUND, own);
        Organization seller = party.organizations().find(own).orElseThrow();
        if (!seller.isSeller()) {
            throw LatchkeyException.of(ErrorCode.NOT_A_SELLER, own);
        }
        return seller;
    }

    Hub hub(Organization seller, HubId id) {
        return store.hubs().find(id).filter(h -> h.seller().equals(seller.id()))
                .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.HUB_NOT_FOUND, "hubId", id));
    }

    Site site(Organization seller, SiteId id) {
        return party.sites().find(Checks.required("siteId", id)).filter(s -> s.organization().equals(seller.id()))
                .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.ORGANIZATION_NOT_FOUND, "siteId", id));
    }

    /** The hub's subscription that has not ended, with its end persisted first if its date has come. */
    Optional<Subscription> live(HubId hub) {
        Instant now = clock.instant();
        return store.subscriptions().liveOnHub(hub).map(this::caughtUp)
                .filter(s -> s.effectiveState(now) != SubscriptionState.ENDED);
    }

    /** Persists the end of an expiring subscription whose date has come, before acting on it. */
    Subscription caughtUp(Subscription s) {
        Instant now = clock.instant();
        if (s.effectiveState(now) == s.state()) {
            return s;
        }
        return steps.takeTimed(subscriptions, s, SubscriptionEvent.END, (x, to) -> x.ended(to, x.endsAt()),
                "due " + s.endsAt());
    }
}
