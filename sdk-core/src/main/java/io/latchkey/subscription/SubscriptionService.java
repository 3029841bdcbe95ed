package io.latchkey.subscription;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.Permission;
import io.latchkey.access.Role;
import io.latchkey.internal.Checks;
import io.latchkey.internal.Kernel;
import io.latchkey.lifecycle.Transition;
import io.latchkey.notify.Notification;
import io.latchkey.notify.Templates;
import io.latchkey.party.ClosingGuard;
import io.latchkey.party.Connection;
import io.latchkey.party.ConnectionKind;
import io.latchkey.party.ConnectionState;
import io.latchkey.party.Member;
import io.latchkey.party.OrgId;
import io.latchkey.party.Organization;
import io.latchkey.party.Site;
import io.latchkey.party.SiteId;
import io.latchkey.store.Store;
import io.latchkey.time.DueWork;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The commands of service packages (Ajax): the operator's catalog, hubs at sellers' sites, subscriptions on
 * hubs invoiced to a reseller, and monthly statements per reseller. A deactivated subscription runs to the
 * end of the month in the seller's time zone.
 *
 * <p>Thread-safe.
 */
public final class SubscriptionService {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern SERIAL = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,63}");

    private final Kernel kernel;
    private final Store store;

    public SubscriptionService(Kernel kernel) {
        this.kernel = kernel;
        this.store = kernel.store();
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

    // --- catalog and hubs ------------------------------------------------------------------------------------

    /** The operator adds a package to the catalog. */
    public ServicePackage createPackage(Actor actor, PackageDraft draft) {
        String code = Checks.required("code", draft.code());
        if (!CODE.matcher(code).matches()) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "code", "code", "letters, digits, - and _");
        }
        String name = Checks.maxLength("name", Checks.required("name", draft.name()), 200);
        long price = Checks.required("monthlyPrice", draft.monthlyPrice());
        if (price < 0) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "monthlyPrice", "monthlyPrice", "not negative");
        }
        String currency = Checks.required("currency", draft.currency()).toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "currency", "currency", "ISO 4217");
        }
        return store.inTransaction(() -> {
            Organization operator = store.organizations().findOperator().orElseThrow();
            if (!actor.isSystem() && !operator.id().equals(actor.organization())) {
                throw LatchkeyException.of(ErrorCode.PERMISSION_DENIED, Permission.PACKAGE_MANAGE.name());
            }
            kernel.access().require(actor, Permission.PACKAGE_MANAGE, operator.id(), ErrorCode.ORGANIZATION_NOT_FOUND,
                    operator.id());
            ServicePackage created = new ServicePackage(new PackageId(kernel.ids().next()), code, name, price, currency,
                    draft.requiresSim(), kernel.clock().instant(), 0);
            store.packages().insert(created);
            return created;
        });
    }

    /** The catalog, by code. */
    public List<ServicePackage> packages() {
        return store.inTransaction(() -> store.packages().all());
    }

    /** A seller's installer or service manager adds a hub at one of the seller's sites. */
    public Hub addHub(Actor actor, SiteId siteId, String serial, boolean simInstalled) {
        String normalized = Checks.required("serial", serial).toUpperCase(Locale.ROOT);
        if (!SERIAL.matcher(normalized).matches()) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "serial", "serial", "letters, digits, dashes");
        }
        return store.inTransaction(() -> {
            Organization seller = seller(actor);
            site(seller, siteId);
            Hub hub = new Hub(new HubId(kernel.ids().next()), seller.id(), siteId, normalized, simInstalled,
                    kernel.clock().instant(), 0);
            store.hubs().insert(hub);
            return hub;
        });
    }

    /** Moves a hub's configuration to another site of the seller; refused while it has a live subscription. */
    public Hub transferHub(Actor actor, HubId hubId, SiteId siteId) {
        return store.inTransaction(() -> {
            Organization seller = seller(actor);
            Hub hub = hub(seller, hubId);
            site(seller, siteId);
            if (live(hub.id()).isPresent()) {
                throw LatchkeyException.of(ErrorCode.ACTIVE_SUBSCRIPTIONS);
            }
            return store.hubs().update(hub.movedTo(siteId));
        });
    }

    // --- subscriptions ---------------------------------------------------------------------------------------

    /**
     * Activates a package on a hub, invoiced to a reseller. The package may be left out when the catalog has
     * one; the reseller when the seller has one approved. A package that needs the SIM needs it in the hub.
     */
    public Subscription activate(Actor actor, ActivationRequest request) {
        HubId hubId = Checks.required("hubId", request.hubId());
        return store.inTransaction(() -> {
            Organization seller = seller(actor);
            Hub hub = hub(seller, hubId);
            ServicePackage pkg = chosenPackage(request.packageId());
            if (pkg.requiresSim() && !hub.simInstalled()) {
                throw LatchkeyException.ofField(ErrorCode.SIM_REQUIRED, "hubId");
            }
            OrgId reseller = chosenReseller(seller, request.resellerId());
            if (live(hub.id()).isPresent()) {
                throw LatchkeyException.ofField(ErrorCode.SUBSCRIPTION_EXISTS, "hubId");
            }
            Subscription subscription = new Subscription(new SubscriptionId(kernel.ids().next()), hub.id(), seller.id(),
                    reseller, pkg.id(), SubscriptionState.ACTIVE, kernel.clock().instant(), null, null, 0);
            store.subscriptions().insert(subscription);
            kernel.journal().created(actor, SubscriptionLifecycle.AGGREGATE, subscription.id(), subscription.state(),
                    pkg.code() + " on " + hub.serial() + " for " + reseller);
            return subscription;
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

    /** Stops now; the operator is asked to deactivate the hub's SIM at once. */
    public Subscription stop(Actor actor, SubscriptionId id) {
        return step(actor, id, SubscriptionEvent.STOP);
    }

    /** A subscription the actor sees (as its seller or its reseller), with its effective state. */
    public Subscription subscription(Actor actor, SubscriptionId id) {
        return store.inTransaction(() -> visible(actor, id));
    }

    /** A seller's subscriptions (the actor's own organization when null), newest first. */
    public List<Subscription> subscriptions(Actor actor, OrgId seller) {
        return store.inTransaction(() -> {
            OrgId owner = seller != null ? seller : Checks.required("sellerId", actor.organization());
            kernel.access().require(actor, Permission.VIEW, owner, ErrorCode.ORGANIZATION_NOT_FOUND, owner);
            return store.subscriptions().bySeller(owner);
        });
    }

    /**
     * The statement of a reseller for a month: every subscription invoiced to it that was ACTIVE or
     * EXPIRES_SOON on any day of that month (in its seller's zone), once, with the days it was.
     */
    public List<StatementLine> statement(Actor actor, OrgId resellerId, YearMonth month) {
        OrgId reseller = Checks.required("resellerId", resellerId);
        YearMonth checkedMonth = Checks.required("month", month);
        return store.inTransaction(() -> {
            kernel.access().require(actor, Permission.VIEW, reseller, ErrorCode.ORGANIZATION_NOT_FOUND, reseller);
            // Seller zones differ by at most a day: ask the store for a wider window, then cut per seller.
            Instant from = checkedMonth.atDay(1).atStartOfDay(ZoneId.of("UTC")).toInstant().minusSeconds(86_400);
            Instant to = checkedMonth.plusMonths(1).atDay(1).atStartOfDay(ZoneId.of("UTC")).toInstant()
                    .plusSeconds(86_400);
            List<StatementLine> lines = new ArrayList<>();
            for (Subscription s : store.subscriptions().byReseller(reseller, from, to)) {
                ZoneId zone = store.organizations().find(s.seller()).orElseThrow().timezone();
                int days = daysActive(s, checkedMonth, zone);
                if (days > 0) {
                    Hub hub = store.hubs().find(s.hub()).orElseThrow();
                    ServicePackage pkg = store.packages().find(s.pkg()).orElseThrow();
                    lines.add(new StatementLine(s, hub.serial(), pkg.code(), days, checkedMonth.lengthOfMonth()));
                }
            }
            return lines;
        });
    }

    /** The scheduler's work: expiring subscriptions end on the 1st. */
    public DueWork dueWork() {
        return new DueWork() {
            @Override
            public String name() {
                return "subscriptions";
            }

            @Override
            public int applyDue(Instant now, int limit) {
                return store.inTransaction(() -> {
                    List<Subscription> due = store.subscriptions().claimDue(now, limit);
                    Actor clock = Actor.system("scheduler");
                    for (Subscription s : due) {
                        Transition<SubscriptionState, SubscriptionEvent> end =
                                SubscriptionLifecycle.TABLE.require(s.state(), SubscriptionEvent.END);
                        store.subscriptions().update(s.ended(s.endsAt()));
                        kernel.journal().record(clock, SubscriptionLifecycle.AGGREGATE, s.id(), end, "due " + s.endsAt());
                    }
                    return due.size();
                });
            }
        };
    }

    /** Forbids closing a seller while it has live subscriptions. */
    public ClosingGuard closingGuard() {
        return organization -> store.inTransaction(() -> {
            Instant now = kernel.clock().instant();
            boolean live = store.subscriptions().bySeller(organization).stream()
                    .anyMatch(s -> s.effectiveState(now) != SubscriptionState.ENDED);
            if (live) {
                throw LatchkeyException.of(ErrorCode.ACTIVE_SUBSCRIPTIONS);
            }
        });
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private Subscription step(Actor actor, SubscriptionId id, SubscriptionEvent event) {
        return store.inTransaction(() -> {
            Subscription subscription = caughtUp(visible(actor, id));
            Transition<SubscriptionState, SubscriptionEvent> step =
                    SubscriptionLifecycle.TABLE.require(subscription.state(), event);
            // The reseller sees what it is invoiced for, but the seller manages it.
            kernel.access().requireOnVisible(actor, step.permission(), subscription.seller());
            Instant now = kernel.clock().instant();
            Subscription next = switch (event) {
                case DEACTIVATE -> subscription.expiring(SubscriptionLifecycle.nextMonthStart(now,
                        store.organizations().find(subscription.seller()).orElseThrow().timezone()));
                case RESUME -> subscription.resumed();
                case STOP -> subscription.ended(now);
                case END -> throw new IllegalArgumentException("END is the clock's");
            };
            Subscription stored = store.subscriptions().update(next);
            kernel.journal().record(actor, SubscriptionLifecycle.AGGREGATE, id, step, null);
            if (event == SubscriptionEvent.STOP) {
                askToDeactivateSim(stored);
            }
            return stored;
        });
    }

    /** Persists the end of an expiring subscription whose date has come, before acting on it. */
    private Subscription caughtUp(Subscription s) {
        Instant now = kernel.clock().instant();
        if (s.effectiveState(now) == s.state()) {
            return s;
        }
        Transition<SubscriptionState, SubscriptionEvent> end = SubscriptionLifecycle.TABLE.require(s.state(),
                SubscriptionEvent.END);
        Subscription ended = store.subscriptions().update(s.ended(s.endsAt()));
        kernel.journal().record(Actor.system("scheduler"), SubscriptionLifecycle.AGGREGATE, s.id(), end,
                "due " + s.endsAt());
        return ended;
    }

    /** The SIM provider's request goes through the outbox to the operator's administrators. */
    private void askToDeactivateSim(Subscription s) {
        Hub hub = store.hubs().find(s.hub()).orElseThrow();
        Organization operator = store.organizations().findOperator().orElseThrow();
        Organization seller = store.organizations().find(s.seller()).orElseThrow();
        for (Member admin : store.members().byOrganization(operator.id())) {
            if (admin.roles().contains(Role.ADMIN)) {
                kernel.outbox().enqueue("sim.deactivate/" + s.id() + "/" + admin.id(), new Notification(
                        Templates.SIM_DEACTIVATION, admin.language(), admin.email(), admin.fullName(),
                        Map.of("hubSerial", hub.serial(), "seller", seller.name()), List.of()));
            }
        }
    }

    private Optional<Subscription> live(HubId hub) {
        Instant now = kernel.clock().instant();
        return store.subscriptions().liveOnHub(hub).map(this::caughtUp)
                .filter(s -> s.effectiveState(now) != SubscriptionState.ENDED);
    }

    private Subscription visible(Actor actor, SubscriptionId id) {
        Subscription s = store.subscriptions().find(id)
                .filter(x -> kernel.access().sees(actor, x.seller()) || kernel.access().sees(actor, x.reseller()))
                .orElseThrow(() -> LatchkeyException.of(ErrorCode.SUBSCRIPTION_NOT_FOUND, id));
        return s.effectiveState(kernel.clock().instant()) == s.state() ? s : s.ended(s.endsAt());
    }

    /** The actor's organization, which must be a registered seller whose staff may manage subscriptions. */
    private Organization seller(Actor actor) {
        OrgId own = Checks.required("organization", actor.organization());
        kernel.access().require(actor, Permission.SUBSCRIPTION_MANAGE, own, ErrorCode.ORGANIZATION_NOT_FOUND, own);
        Organization seller = store.organizations().find(own).orElseThrow();
        if (!seller.isSeller()) {
            throw LatchkeyException.of(ErrorCode.NOT_A_SELLER, own);
        }
        return seller;
    }

    private Hub hub(Organization seller, HubId id) {
        return store.hubs().find(id).filter(h -> h.seller().equals(seller.id()))
                .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.HUB_NOT_FOUND, "hubId", id));
    }

    private Site site(Organization seller, SiteId id) {
        return store.sites().find(Checks.required("siteId", id)).filter(s -> s.organization().equals(seller.id()))
                .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.ORGANIZATION_NOT_FOUND, "siteId", id));
    }

    private ServicePackage chosenPackage(PackageId id) {
        if (id != null) {
            return store.packages().find(id)
                    .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.PACKAGE_NOT_FOUND, "packageId", id));
        }
        List<ServicePackage> catalog = store.packages().all();
        if (catalog.size() != 1) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, "packageId", "packageId");
        }
        return catalog.get(0);
    }

    private OrgId chosenReseller(Organization seller, OrgId requested) {
        List<OrgId> approved = store.connections().involving(seller.id(), ConnectionKind.SELLER_TO_RESELLER,
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

    /** The days of {@code month} in {@code zone} on which the subscription was billable. */
    static int daysActive(Subscription s, YearMonth month, ZoneId zone) {
        Instant until = s.billableUntil();
        int days = 0;
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            Instant dayStart = day.atStartOfDay(zone).toInstant();
            Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
            if (s.startedAt().isBefore(dayEnd) && (until == null || until.isAfter(dayStart))) {
                days++;
            }
        }
        return days;
    }
}
