package io.latchkey.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.OrgId;
import io.latchkey.party.ConnectionKind;
import io.latchkey.store.Store;
import io.latchkey.subscription.Subscriptions.ActivationRequest;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.NamedStep;
import io.latchkey.testkit.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.stateful.Sequential;

/**
 * A stateful model check of subscriptions, run on every store: two sellers in zones with their own month ends
 * (Warsaw, and Santiago de Chile with its southern summer time), four hubs (one without the operator's SIM), two
 * resellers (one seller has one approved, the other two), activations with and without a reseller chosen,
 * deactivate / resume / stop by the seller's installer, by the reseller and by the other seller, clock advances
 * across month ends, and scheduler runs. A model predicts each step's outcome (done, or refused with which
 * code), every subscription's state and end, each reseller's monthly statement day by day, and whether a seller
 * may close.
 */
public abstract class SubscriptionModelContractTest {

    private static final Instant START = Instant.parse("2026-03-20T10:00:00Z");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Warsaw"), ZoneId.of("America/Santiago"));
    /** Hubs 0 and 1 are the first seller's, 2 and 3 the second's; hub 3 has no SIM. */
    private static final int HUBS = 4;

    /** A new, empty store of the implementation under test. */
    protected abstract Store newStore();

    /** How many random sequences to try: each makes a store of its own. */
    protected int examples() {
        return 60;
    }

    @Test
    public void randomSequencesAcrossMonthEndsBehaveAsTheModelSays() {
        qt().withExamples(examples()).forAll(lists().of(steps()).ofSizeBetween(1, 30)).checkAssert(steps -> {
            try (World world = new World(newStore())) {
                Sequential.modelCheck(Model.initial(), steps, m -> world, World::seen);
            }
        });
    }

    static int seller(int hub) {
        return hub / 2;
    }

    /** One subscription as the model has it. */
    record Sub(int hub, int reseller, Instant startedAt, SubscriptionState state, Instant endsAt, Instant endedAt) {
        SubscriptionState at(Instant now) {
            return state == SubscriptionState.EXPIRES_SOON && !now.isBefore(endsAt) ? SubscriptionState.ENDED : state;
        }

        Sub normalized(Instant now) {
            return at(now) == state ? this
                    : new Sub(hub, reseller, startedAt, SubscriptionState.ENDED, null, endsAt);
        }

        /**
         * The days of {@code month} on which it was billable: the local dates, in its seller's zone, from the
         * one it started on to the one of its last billable instant, cut to the month.
         */
        int days(YearMonth month) {
            ZoneId zone = ZONES.get(seller(hub));
            Instant until = endedAt != null ? endedAt : endsAt;
            LocalDate first = startedAt.atZone(zone).toLocalDate();
            LocalDate last = until == null ? month.atEndOfMonth() : until.minusNanos(1).atZone(zone).toLocalDate();
            LocalDate from = first.isAfter(month.atDay(1)) ? first : month.atDay(1);
            LocalDate to = last.isBefore(month.atEndOfMonth()) ? last : month.atEndOfMonth();
            return from.isAfter(to) ? 0 : (int) ChronoUnit.DAYS.between(from, to) + 1;
        }
    }

    /** A line of a reseller's statement for a month: which subscription, on how many days. */
    record Line(int reseller, YearMonth month, int subscription, int days) {
    }

    /** What can be seen; compared after every step. */
    record Model(Instant now, List<Sub> subs, List<Line> statements, List<Boolean> mayClose, String outcome) {

        static Model initial() {
            return new Model(START, List.of(), List.of(), List.of(true, true), "none");
        }

        Model with(Instant newNow, List<Sub> newSubs, String newOutcome) {
            List<Sub> normalized = newSubs.stream().map(s -> s.normalized(newNow)).toList();
            List<Line> lines = new ArrayList<>();
            for (int reseller = 0; reseller < 2; reseller++) {
                for (YearMonth m = YearMonth.of(2026, 3); !m.atDay(1).atStartOfDay(ZONES.get(0)).toInstant()
                        .isAfter(newNow.plus(Duration.ofDays(1))); m = m.plusMonths(1)) {
                    for (int i = 0; i < normalized.size(); i++) {
                        Sub s = normalized.get(i);
                        int days = s.reseller() == reseller ? s.days(m) : 0;
                        if (days > 0) {
                            lines.add(new Line(reseller, m, i, days));
                        }
                    }
                }
            }
            List<Boolean> mayClose = new ArrayList<>();
            for (int seller = 0; seller < 2; seller++) {
                int own = seller;
                mayClose.add(normalized.stream().noneMatch(s -> seller(s.hub()) == own
                        && s.at(newNow) != SubscriptionState.ENDED));
            }
            return new Model(newNow, normalized, lines, mayClose, newOutcome);
        }

        Model outcome(String value) {
            return with(now, subs, value);
        }

        int live(int hub) {
            for (int i = 0; i < subs.size(); i++) {
                if (subs.get(i).hub() == hub && subs.get(i).at(now) != SubscriptionState.ENDED) {
                    return i;
                }
            }
            return -1;
        }

        int latest(int hub) {
            for (int i = subs.size() - 1; i >= 0; i--) {
                if (subs.get(i).hub() == hub) {
                    return i;
                }
            }
            return -1;
        }

        Model replace(int index, Sub sub) {
            List<Sub> next = new ArrayList<>(subs);
            next.set(index, sub);
            return with(now, next, "ok");
        }
    }

    /** Two sellers with their hubs and resellers, on the store under test. */
    static final class World implements AutoCloseable {
        final Fixture fx;
        final Latchkey sdk;
        final List<Sellers> sellers = new ArrayList<>();
        final List<Hub> hubs = new ArrayList<>();
        final List<OrgId> resellers = new ArrayList<>();
        final List<SubscriptionId> ids = new ArrayList<>();
        String outcome = "none";

        World(Store store) {
            fx = new Fixture(store);
            sdk = fx.latchkey;
            fx.clock.set(START);
            sdk.catalog().createPackage(fx.operatorAdmin, new PackageDraft("PRO", "Pro", 100L, "PLN", true));
            for (ZoneId zone : ZONES) {
                Sellers s = new Sellers(fx, zone.getId());
                sellers.add(s);
                resellers.add(s.reseller.id());
            }
            // The second seller works with both resellers; the first with its own only.
            Sellers second = sellers.get(1);
            sdk.connections().approveConnection(sellers.get(0).reseller.admin(), sdk.connections().requestConnection(
                    second.owner, second.seller.id(), resellers.get(0), ConnectionKind.SELLER_TO_RESELLER).id());
            for (int hub = 0; hub < HUBS; hub++) {
                Sellers s = sellers.get(seller(hub));
                hubs.add(sdk.hubs().addHub(s.installer, s.site.id(), "HUB-" + hub, hub != 3));
            }
        }

        void attempt(Runnable command) {
            outcome = Outcome.of(command);
        }

        static Model seen(World w) {
            Instant now = w.fx.clock.instant();
            List<Sub> subs = new ArrayList<>();
            for (SubscriptionId id : w.ids) {
                Subscription s = null;
                for (Sellers seller : w.sellers) {
                    try {
                        s = w.sdk.subscriptions().subscription(seller.installer, id);
                    } catch (LatchkeyException elsewhere) {
                        // The other seller's: not found from here, and nothing else.
                        assertEquals(ErrorCode.SUBSCRIPTION_NOT_FOUND, elsewhere.code());
                    }
                    if (s != null) {
                        break;
                    }
                }
                Subscription found = s;
                subs.add(new Sub(w.hubs.stream().map(Hub::id).toList().indexOf(found.hub()),
                        w.resellers.indexOf(found.reseller()), found.startedAt(), found.state(), found.endsAt(),
                        found.endedAt()));
            }
            List<Line> lines = new ArrayList<>();
            for (int reseller = 0; reseller < 2; reseller++) {
                for (YearMonth m = YearMonth.of(2026, 3); !m.atDay(1).atStartOfDay(ZONES.get(0)).toInstant()
                        .isAfter(now.plus(Duration.ofDays(1))); m = m.plusMonths(1)) {
                    List<StatementLine> statement = w.sdk.statements().statement(w.fx.operatorAdmin,
                            w.resellers.get(reseller), m, null, 100);
                    for (int i = 0; i < w.ids.size(); i++) {
                        for (StatementLine line : statement) {
                            if (line.subscription().id().equals(w.ids.get(i))) {
                                lines.add(new Line(reseller, m, i, line.daysActive()));
                            }
                        }
                    }
                }
            }
            List<Boolean> mayClose = new ArrayList<>();
            for (Sellers seller : w.sellers) {
                mayClose.add(mayClose(w, seller));
            }
            Model seen = new Model(now, subs, lines, mayClose, w.outcome);
            w.outcome = "none";
            return seen;
        }

        /** Whether the seller could close now: tried in a transaction that is then undone. */
        private static boolean mayClose(World w, Sellers seller) {
            try {
                w.fx.store.inTransaction(() -> {
                    w.sdk.organizations().close(seller.owner, seller.seller.id());
                    throw new Undo();
                });
                throw new AssertionError("the transaction was to be undone");
            } catch (Undo undone) {
                return true;
            } catch (LatchkeyException refused) {
                if (refused.code() != ErrorCode.ACTIVE_SUBSCRIPTIONS) {
                    throw refused;
                }
                return false;
            }
        }

        @Override
        public void close() {
            fx.close();
        }
    }

    /** Thrown to undo a transaction whose effect was only to be seen. */
    static final class Undo extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** A step of the sequence: what it does to the system, and what it should do to the model. */
    abstract static class Step extends NamedStep<World, Model> {
        Step(String name) {
            super(name);
        }
    }

    /** Activates on {@code hub}, with reseller {@code choice}: 0 none, 1 the first, 2 the second. */
    static Step activate(int hub, int choice) {
        return new Step("activate on hub " + hub + (choice == 0 ? "" : " for reseller " + (choice - 1))) {
            public void run(World w) {
                Sellers s = w.sellers.get(seller(hub));
                w.attempt(() -> w.ids.add(w.sdk.subscriptions().activate(s.installer, new ActivationRequest(
                        w.hubs.get(hub).id(), null, choice == 0 ? null : w.resellers.get(choice - 1))).id()));
            }

            public Model nextState(Model m) {
                if (hub == 3) {
                    return m.outcome("SIM_REQUIRED");
                }
                int reseller;
                if (choice == 0) {
                    if (seller(hub) == 1) {
                        return m.outcome("RESELLER_REQUIRED");
                    }
                    reseller = 0;
                } else {
                    reseller = choice - 1;
                    if (seller(hub) == 0 && reseller == 1) {
                        return m.outcome("RESELLER_NOT_APPROVED");
                    }
                }
                if (m.live(hub) >= 0) {
                    return m.outcome("SUBSCRIPTION_EXISTS");
                }
                List<Sub> next = new ArrayList<>(m.subs());
                next.add(new Sub(hub, reseller, m.now(), SubscriptionState.ACTIVE, null, null));
                return m.with(m.now(), next, "ok");
            }
        };
    }

    /** Who acts on a subscription: its seller's installer, its reseller, the other seller. */
    enum Hand { INSTALLER, RESELLER, OTHER_SELLER }

    static Step act(int hub, SubscriptionEvent event, Hand by) {
        return new Step(event + " the latest on hub " + hub + " by " + by) {
            public void run(World w) {
                int latest = -1;
                for (int i = 0; i < w.ids.size(); i++) {
                    if (hubOf(w, i) == hub) {
                        latest = i;
                    }
                }
                if (latest < 0) {
                    return;
                }
                SubscriptionId id = w.ids.get(latest);
                Actor actor = switch (by) {
                    case INSTALLER -> w.sellers.get(seller(hub)).installer;
                    case RESELLER -> resellerAdmin(w, id);
                    case OTHER_SELLER -> w.sellers.get(1 - seller(hub)).installer;
                };
                w.attempt(() -> {
                    switch (event) {
                        case DEACTIVATE -> w.sdk.subscriptions().deactivate(actor, id);
                        case RESUME -> w.sdk.subscriptions().resume(actor, id);
                        default -> w.sdk.subscriptions().stop(actor, id);
                    }
                });
            }

            public Model nextState(Model m) {
                int i = m.latest(hub);
                if (i < 0) {
                    return m.outcome("none");
                }
                if (by == Hand.OTHER_SELLER) {
                    return m.outcome("SUBSCRIPTION_NOT_FOUND");
                }
                Sub s = m.subs().get(i);
                boolean legal = switch (event) {
                    case DEACTIVATE -> s.state() == SubscriptionState.ACTIVE;
                    case RESUME -> s.state() == SubscriptionState.EXPIRES_SOON;
                    default -> s.state() != SubscriptionState.ENDED;
                };
                if (!legal) {
                    return m.outcome("TRANSITION_NOT_ALLOWED");
                }
                if (by == Hand.RESELLER) {
                    return m.outcome("PERMISSION_DENIED");
                }
                return switch (event) {
                    case DEACTIVATE -> m.replace(i, new Sub(hub, s.reseller(), s.startedAt(),
                            SubscriptionState.EXPIRES_SOON, firstOfNextMonth(m.now(), ZONES.get(seller(hub))), null));
                    case RESUME -> m.replace(i, new Sub(hub, s.reseller(), s.startedAt(), SubscriptionState.ACTIVE,
                            null, null));
                    default -> m.replace(i, new Sub(hub, s.reseller(), s.startedAt(), SubscriptionState.ENDED, null,
                            m.now()));
                };
            }
        };
    }

    private static int hubOf(World w, int subscription) {
        return w.fx.store.inTransaction(() -> w.fx.subscriptionStore().subscriptions().find(w.ids.get(subscription)))
                .map(s -> w.hubs.stream().map(Hub::id).toList().indexOf(s.hub())).orElseThrow();
    }

    private static Actor resellerAdmin(World w, SubscriptionId id) {
        OrgId reseller = w.fx.store.inTransaction(() -> w.fx.subscriptionStore().subscriptions().find(id))
                .orElseThrow().reseller();
        return w.sellers.stream().map(s -> s.reseller).filter(r -> r.id().equals(reseller)).findFirst()
                .orElseThrow().admin();
    }

    static Step advance(int hours) {
        return new Step("advance " + hours + " h") {
            public void run(World w) {
                w.fx.clock.advance(Duration.ofHours(hours));
            }

            public Model nextState(Model m) {
                return m.with(m.now().plus(Duration.ofHours(hours)), m.subs(), "none");
            }
        };
    }

    /** Moves the clock to {@code offset} hours around the next month start in a seller's zone, if still ahead. */
    static Step nearMonthEnd(int seller, int offset) {
        return new Step("advance to " + offset + " h around the month end of seller " + seller) {
            public void run(World w) {
                Instant now = w.fx.clock.instant();
                w.fx.clock.set(target(now));
            }

            public Model nextState(Model m) {
                return m.with(target(m.now()), m.subs(), "none");
            }

            private Instant target(Instant now) {
                Instant at = firstOfNextMonth(now, ZONES.get(seller)).plus(Duration.ofHours(offset));
                return at.isAfter(now) ? at : now;
            }
        };
    }

    static Step scheduler() {
        return new Step("run the scheduler") {
            public void run(World w) {
                w.fx.runDueWork();
            }

            public Model nextState(Model m) {
                return m.outcome("none");
            }
        };
    }

    /** The model's own month end: the 1st of the next local month at the local start of day. */
    static Instant firstOfNextMonth(Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(zone).toInstant();
    }

    static Gen<Step> steps() {
        return integers().between(0, 11).zip(integers().between(0, 35), integers().between(1, 24 * 20),
                (kind, a, hours) -> switch (kind) {
                    case 0, 1 -> activate(a % HUBS, a % 3);
                    case 2 -> act(a % HUBS, SubscriptionEvent.DEACTIVATE, Hand.values()[a % 5 < 3 ? 0 : a % 5 - 2]);
                    case 3 -> act(a % HUBS, SubscriptionEvent.RESUME, Hand.values()[a % 5 < 3 ? 0 : a % 5 - 2]);
                    case 4 -> act(a % HUBS, SubscriptionEvent.STOP, Hand.values()[a % 5 < 3 ? 0 : a % 5 - 2]);
                    case 5, 6, 7 -> advance(hours);
                    case 8 -> nearMonthEnd(a % 2, a % 5 - 2);
                    default -> scheduler();
                });
    }
}
