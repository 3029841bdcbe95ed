package io.latchkey.subscription;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.Holder;
import io.latchkey.access.OrgId;
import io.latchkey.access.Permission;
import io.latchkey.internal.Checks;
import io.latchkey.notify.Notification;
import io.latchkey.notify.Outbox;
import io.latchkey.notify.Templates;
import io.latchkey.party.Connection;
import io.latchkey.party.ConnectionKind;
import io.latchkey.party.ConnectionState;
import io.latchkey.party.Member;
import io.latchkey.party.Organization;
import io.latchkey.store.Transactions;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Service packages subscribed on hubs (Ajax), invoiced to a reseller: activated by the seller's people,
 * deactivated to run to the end of the month in the seller's time zone, resumed before then, or stopped at
 * once (which asks the operator to deactivate the hub's SIM).
 *
 * <p>Thread-safe.
 */
public final class Subscriptions {

    private final Transactions transactions;
    private final SubscriptionRecords records;
    private final Outbox outbox;

    Subscriptions(Transactions transactions, SubscriptionRecords records, Outbox outbox) {
        this.transactions = transactions;
        this.records = records;
        this.outbox = outbox;
    }

    /**
     * What a subscription activation asks for, as received.
     *
     * @param hubId      required
     * @param packageId  optional when the catalog has one package
     * @param resellerId optional when the seller has one approved reseller
     */
    public record ActivationRequest(HubId hubId, PackageId packageId, OrgId resellerId) {
    }

    /**
     * Activates a package on a hub, invoiced to a reseller. The package may be left out when the catalog has
     * one; the reseller when the seller has one approved. A package that needs the SIM needs it in the hub.
     */
    public Subscription activate(Actor actor, ActivationRequest request) {
        HubId hubId = Checks.required("hubId", request.hubId());
        return transactions.inTransaction(() -> {
            Organization seller = records.seller(actor);
            Hub hub = records.hub(seller, hubId);
            ServicePackage pkg = chosenPackage(request.packageId());
            if (pkg.requiresSim() && !hub.simInstalled()) {
                throw LatchkeyException.ofField(ErrorCode.SIM_REQUIRED, "hubId");
            }
            OrgId reseller = chosenReseller(seller, request.resellerId());
            // One live subscription per hub is the store's rule; an expired one is ended here first.
            records.live(hub.id());
            return records.steps.create(actor, records.subscriptions, new Subscription(
                    new SubscriptionId(records.ids.next()), hub.id(), seller.id(), reseller, pkg.id(),
                    SubscriptionState.ACTIVE, records.clock.instant(), null, null, 0),
                    pkg.code() + " on " + hub.serial() + " for " + reseller);
        });
    }

    /** Deactivates: the subscription runs to the end of the month in the seller's zone, then ends. */
    public Subscription deactivate(Actor actor, SubscriptionId id) {
        return step(actor, id, SubscriptionEvent.DEACTIVATE);
    }

    /** Takes a deactivation back, any time before the end of the month. */
    public Subscription resume(Actor actor, SubscriptionId id) {
        return step(actor, id, SubscriptionEvent.RESUME);
    }

    /**
     * Stops now; for a service on the operator's SIM (a package that requires it, so the hub has it), the
     * operator is asked to deactivate the SIM at once.
     */
    public Subscription stop(Actor actor, SubscriptionId id) {
        return step(actor, id, SubscriptionEvent.STOP);
    }

    /** A subscription the actor may view (as its seller's staff or its reseller), with its effective state. */
    public Subscription subscription(Actor actor, SubscriptionId id) {
        return transactions.inTransaction(() -> {
            Subscription s = visible(actor, id);
            boolean views = records.access.allows(actor, Permission.SUBSCRIPTION_VIEW, Holder.of(s.seller()))
                    || records.access.allows(actor, Permission.VIEW, Holder.of(s.reseller()));
            if (!views) {
                throw LatchkeyException.of(ErrorCode.PERMISSION_DENIED, Permission.SUBSCRIPTION_VIEW.name());
            }
            return s.asOf(records.clock.instant());
        });
    }

    /**
     * A page of a seller's subscriptions (the actor's own organization when null), each as of now, in the order
     * they were made: those after {@code after} (from the first when it is null), at most
     * {@code limit} (up to 1,000).
     */
    public List<Subscription> subscriptions(Actor actor, OrgId seller, SubscriptionId after, int limit) {
        return transactions.inTransaction(() -> {
            OrgId owner = Checks.required("sellerId", seller != null ? seller : actor.organization());
            records.access.require(actor, Permission.SUBSCRIPTION_VIEW, owner, ErrorCode.ORGANIZATION_NOT_FOUND, owner);
            Instant now = records.clock.instant();
            return records.store.subscriptions().bySeller(owner, after, Checks.pageSize(limit)).stream()
                    .map(s -> s.asOf(now)).toList();
        });
    }

    private Subscription step(Actor actor, SubscriptionId id, SubscriptionEvent event) {
        return transactions.inTransaction(() -> {
            Subscription subscription = records.caughtUp(visible(actor, id));
            // The reseller sees what it is invoiced for, but the seller manages it.
            var step = records.steps.check(actor, records.subscriptions, subscription, event);
            Instant now = records.clock.instant();
            Subscription stored = step.take((s, to) -> switch (event) {
                case DEACTIVATE -> s.expiring(to, SubscriptionLifecycle.nextMonthStart(now,
                        records.party.organizations().find(s.seller()).orElseThrow().timezone()));
                case RESUME -> s.resumed(to);
                case STOP -> s.ended(to, now);
                case END -> throw new IllegalArgumentException("END is the clock's");
            }, null);
            if (event == SubscriptionEvent.STOP && records.store.packages().find(stored.pkg()).orElseThrow()
                    .requiresSim()) {
                askToDeactivateSim(stored);
            }
            return stored;
        });
    }

    /** The SIM provider's request goes through the outbox to the operator's administrators. */
    private void askToDeactivateSim(Subscription s) {
        Hub hub = records.store.hubs().find(s.hub()).orElseThrow();
        Organization seller = records.party.organizations().find(s.seller()).orElseThrow();
        for (Member admin : records.party.operatorAdministrators()) {
            outbox.enqueue("sim.deactivate/" + s.id() + "/" + admin.id(), new Notification(
                    Templates.SIM_DEACTIVATION, admin.language(), admin.email(), admin.fullName(),
                    Map.of("hubSerial", hub.serial(), "seller", seller.name()), List.of()));
        }
    }

    /** A subscription the actor sees as its seller or its reseller (NOT_FOUND otherwise). */
    private Subscription visible(Actor actor, SubscriptionId id) {
        return records.store.subscriptions().find(id)
                .filter(s -> records.access.sees(actor, s.seller()) || records.access.sees(actor, s.reseller()))
                .orElseThrow(() -> LatchkeyException.of(ErrorCode.SUBSCRIPTION_NOT_FOUND, id));
    }

    private ServicePackage chosenPackage(PackageId id) {
        if (id != null) {
            return records.store.packages().find(id)
                    .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.PACKAGE_NOT_FOUND, "packageId", id));
        }
        List<ServicePackage> catalog = records.store.packages().all();
        if (catalog.size() != 1) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, "packageId", "packageId");
        }
        return catalog.get(0);
    }

    private OrgId chosenReseller(Organization seller, OrgId requested) {
        List<OrgId> approved = records.party.connections().involving(seller.id(), ConnectionKind.SELLER_TO_RESELLER,
                ConnectionState.APPROVED).stream().filter(c -> c.from().equals(seller.id())).map(Connection::to)
                .toList();
        if (requested != null) {
            if (!approved.contains(requested)) {
                throw LatchkeyException.ofField(ErrorCode.RESELLER_NOT_APPROVED, "resellerId", requested);
            }
            return requested;
        }
        if (approved.size() != 1) {
            throw LatchkeyException.ofField(ErrorCode.RESELLER_REQUIRED, "resellerId");
        }
        return approved.get(0);
    }
}
