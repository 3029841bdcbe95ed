package io.latchkey.subscription;

import io.latchkey.Latchkey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.store.InMemoryStore;
import io.latchkey.subscription.Subscriptions.ActivationRequest;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.NamedStep;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.stateful.Sequential;

/**
 * A stateful model check of subscriptions on two hubs of a seller in Warsaw, across month ends and DST
 * changes: random activate / deactivate / resume / stop / clock advances / scheduler runs. An ended
 * subscription never comes back, an expiring one ends exactly at the next month's start in the seller's zone,
 * the statement of every month counts each billable subscription once, and the closing guard holds.
 */
class SubscriptionModelTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Warsaw");
    private static final int HUBS = 2;

    /** One subscription as the model sees it; times are instants. */
    record Sub(int hub, Instant startedAt, SubscriptionState state, Instant endsAt, Instant endedAt) {
        SubscriptionState at(Instant now) {
            return state == SubscriptionState.EXPIRES_SOON && !now.isBefore(endsAt) ? SubscriptionState.ENDED : state;
        }

        Sub normalized(Instant now) {
            return at(now) == state ? this : new Sub(hub, startedAt, SubscriptionState.ENDED, null, endsAt);
        }
    }

    record Model(Instant now, List<Sub> subs) {
        Model with(Instant newNow, List<Sub> newSubs) {
            return new Model(newNow, newSubs.stream().map(s -> s.normalized(newNow)).toList());
        }

        int live(int hub) {
            for (int i = subs.size() - 1; i >= 0; i--) {
                if (subs.get(i).hub() == hub && subs.get(i).at(now) != SubscriptionState.ENDED) {
                    return i;
                }
            }
            return -1;
        }

        Model replace(int index, Sub sub) {
            List<Sub> next = new ArrayList<>(subs);
            next.set(index, sub);
            return with(now, next);
        }
    }

    static final class World {
        final Fixture fx = new Fixture(InMemoryStore.create());
        final Latchkey sdk = fx.latchkey;
        final Sellers sellers;
        final List<Hub> hubs = new ArrayList<>();
        final List<SubscriptionId> ids = new ArrayList<>();

        World() {
            fx.clock.set(Instant.parse("2026-03-20T10:00:00Z"));
            sdk.catalog().createPackage(fx.operatorAdmin, new PackageDraft("PRO", "Pro", 100L, "PLN", true));
            sellers = new Sellers(fx, ZONE.getId());
            for (int i = 0; i < HUBS; i++) {
                hubs.add(sellers.hub("HUB-" + i));
            }
        }

        Subscription live(int hub) {
            return fx.store.inTransaction(() -> fx.subscriptionStore().subscriptions().liveOnHub(
                    hubs.get(hub).id())).orElse(null);
        }

        void attempt(Runnable command) {
            try {
                command.run();
            } catch (LatchkeyException refused) {
                // The model decides whether it should have worked.
            }
        }
    }

    static Model observe(World w) {
        Instant now = w.fx.clock.instant();
        List<Sub> subs = new ArrayList<>();
        for (SubscriptionId id : w.ids) {
            Subscription s = w.sdk.subscriptions().subscription(w.sellers.installer, id);
            subs.add(new Sub(w.hubs.stream().map(Hub::id).toList().indexOf(s.hub()), s.startedAt(), s.state(),
                    s.endsAt(), s.endedAt()));
            if (s.state() == SubscriptionState.EXPIRES_SOON) {
                ZonedDateTime local = s.endsAt().atZone(ZONE);
                assertEquals(1, local.getDayOfMonth(), "ends on the 1st");
                assertEquals(0, local.getHour() + local.getMinute() + local.getSecond(),
                        "at 00:00 in the seller's zone");
            }
        }
        // Every month from March to now: each billable subscription appears once, with at least a day.
        for (YearMonth m = YearMonth.of(2026, 3); !m.atDay(1).atStartOfDay(ZONE).toInstant().isAfter(now);
             m = m.plusMonths(1)) {
            List<StatementLine> lines = w.sdk.statements().statement(w.fx.operatorAdmin, w.sellers.reseller.id(), m);
            Set<SubscriptionId> seen = new HashSet<>();
            for (StatementLine line : lines) {
                assertEquals(true, seen.add(line.subscription().id()), "counted once in " + m);
                assertEquals(true, line.daysActive() >= 1 && line.daysActive() <= line.daysInMonth());
            }
        }
        boolean anyLive = subs.stream().anyMatch(s -> s.at(now) != SubscriptionState.ENDED);
        boolean guarded;
        try {
            // Closing is tried in a transaction that is then undone, so that the world goes on.
            w.fx.store.inTransaction(() -> {
                w.fx.latchkey.organizations().close(w.sellers.owner, w.sellers.seller.id());
                throw new Undo();
            });
            guarded = false;
        } catch (Undo undone) {
            guarded = false;
        } catch (LatchkeyException e) {
            assertEquals(ErrorCode.ACTIVE_SUBSCRIPTIONS, e.code());
            guarded = true;
        }
        assertEquals(anyLive, guarded, "a seller with live subscriptions cannot close");
        return new Model(now, subs);
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

    static Step activate(int hub) {
        return new Step("activate on hub " + hub) {
            public void run(World w) {
                w.attempt(() -> w.ids.add(w.sdk.subscriptions().activate(w.sellers.installer,
                        new ActivationRequest(w.hubs.get(hub).id(), null, null)).id()));
            }

            public Model nextState(Model m) {
                if (m.live(hub) >= 0) {
                    return m;
                }
                List<Sub> next = new ArrayList<>(m.subs());
                next.add(new Sub(hub, m.now(), SubscriptionState.ACTIVE, null, null));
                return m.with(m.now(), next);
            }
        };
    }

    static Step act(int hub, SubscriptionEvent event) {
        return new Step(event + " on hub " + hub) {
            public void run(World w) {
                Subscription live = w.live(hub);
                if (live != null) {
                    w.attempt(() -> {
                        switch (event) {
                            case DEACTIVATE -> w.sdk.subscriptions().deactivate(w.sellers.installer, live.id());
                            case RESUME -> w.sdk.subscriptions().resume(w.sellers.installer, live.id());
                            default -> w.sdk.subscriptions().stop(w.sellers.installer, live.id());
                        }
                    });
                }
            }

            public Model nextState(Model m) {
                int i = m.live(hub);
                if (i < 0) {
                    return m;
                }
                Sub s = m.subs().get(i);
                return switch (event) {
                    case DEACTIVATE -> s.state() != SubscriptionState.ACTIVE ? m : m.replace(i, new Sub(hub,
                            s.startedAt(), SubscriptionState.EXPIRES_SOON, firstOfNextMonth(m.now()), null));
                    case RESUME -> s.state() != SubscriptionState.EXPIRES_SOON ? m : m.replace(i, new Sub(hub,
                            s.startedAt(), SubscriptionState.ACTIVE, null, null));
                    default -> m.replace(i, new Sub(hub, s.startedAt(), SubscriptionState.ENDED, null, m.now()));
                };
            }
        };
    }

    static Step advance(int hours) {
        return new Step("advance " + hours + " h") {
            public void run(World w) {
                w.fx.clock.advance(Duration.ofHours(hours));
            }

            public Model nextState(Model m) {
                return m.with(m.now().plus(Duration.ofHours(hours)), m.subs());
            }
        };
    }

    static Step scheduler() {
        return new Step("run the scheduler") {
            public void run(World w) {
                w.fx.runDueWork();
            }

            public Model nextState(Model m) {
                return m;
            }
        };
    }

    /** The model's own month end: the 1st of the next local month at the local start of day. */
    static Instant firstOfNextMonth(Instant now) {
        return now.atZone(ZONE).toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(ZONE).toInstant();
    }

    static Gen<Step> steps() {
        return integers().between(0, 9).zip(integers().between(0, HUBS - 1), integers().between(1, 24 * 20),
                (kind, hub, hours) -> switch (kind) {
                    case 0, 1 -> activate(hub);
                    case 2 -> act(hub, SubscriptionEvent.DEACTIVATE);
                    case 3 -> act(hub, SubscriptionEvent.RESUME);
                    case 4 -> act(hub, SubscriptionEvent.STOP);
                    case 5, 6, 7 -> advance(hours);
                    default -> scheduler();
                });
    }

    @Test
    void randomSequencesAcrossMonthEndsKeepTheRules() {
        qt().withExamples(60).forAll(lists().of(steps()).ofSizeBetween(1, 30)).checkAssert(steps ->
                Sequential.modelCheck(new Model(Instant.parse("2026-03-20T10:00:00Z"), List.of()), steps,
                        m -> new World(), SubscriptionModelTest::observe));
    }
}
