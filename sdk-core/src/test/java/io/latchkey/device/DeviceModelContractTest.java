package io.latchkey.device;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.latchkey.Latchkey;
import io.latchkey.access.Actor;
import io.latchkey.access.Permission;
import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.store.Store;
import io.latchkey.testkit.ExpectedTables;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.Fixture.Partner;
import io.latchkey.testkit.NamedStep;
import io.latchkey.testkit.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.stateful.Sequential;

/**
 * A stateful model check of one heat pump, run on every store: random interleavings of the engineer's status
 * steps (next, commission, decommission; with right and wrong passwords), the administrator's moves to any
 * status (and an engineer trying them), claims by two partners (with right and wrong printed passwords),
 * reassignments, details, owners registering from the app (two phones, right and wrong passwords), duplicated
 * and reordered reports, and clock advances. A model that knows the table, the rate limits and the online rule
 * predicts each step's outcome (done, or refused with which code) and the device after it; the journal may show
 * only rows of the hand-written table.
 */
public abstract class DeviceModelContractTest {

    private static final String SERIAL = "HP-1";
    private static final char[] PRINTED = "pump-1".toCharArray();
    private static final long WINDOW = Duration.ofMinutes(15).toSeconds();
    private static final long TIMEOUT = DeviceCatalog.defaults().onlineTimeout().toSeconds();
    private static final int MAX_FAILURES = 10;
    private static final List<String> PHONES = List.of("+79123456789", "+48601234567");
    private static final String STEP_UP = "step-up";
    private static final String BY_DEVICE = "device";

    /** A new, empty store of the implementation under test. */
    protected abstract Store newStore();

    /** How many random sequences to try: each makes a store of its own. */
    protected int examples() {
        return 150;
    }

    @Test
    public void randomInterleavingsBehaveAsTheModelSays() {
        qt().withExamples(examples()).forAll(lists().of(steps()).ofSizeBetween(1, 40)).checkAssert(steps -> {
            try (Pump pump = new Pump(newStore())) {
                Sequential.modelCheck(Model.initial(), steps, m -> pump, Pump::seen);
            }
        });
    }

    /** What the device should look like; times are seconds from the start. */
    record Model(long now, DeviceStatus status, int partner, int owner, boolean located, int automatic,
                 Long lastSeen, Long lastDisconnect, boolean online, String outcome,
                 Map<String, List<Long>> failures) {

        static Model initial() {
            return new Model(0, DeviceStatus.CREATED, -1, -1, false, 0, null, null, false, "none", Map.of());
        }

        Model with(DeviceStatus newStatus, int newPartner, int newOwner, boolean newLocated, int newAutomatic,
                   Long newSeen, Long newDisconnect, String newOutcome, Map<String, List<Long>> newFailures) {
            return new Model(now, newStatus, newPartner, newOwner, newLocated, newAutomatic, newSeen, newDisconnect,
                    online(now, newSeen, newDisconnect), newOutcome, Map.copyOf(newFailures));
        }

        static boolean online(long now, Long seen, Long gone) {
            return seen != null && now < seen + TIMEOUT && (gone == null || gone < seen);
        }

        Model outcome(String value) {
            return with(status, partner, owner, located, automatic, lastSeen, lastDisconnect, value, failures);
        }

        Model outcome(String value, Map<String, List<Long>> newFailures) {
            return with(status, partner, owner, located, automatic, lastSeen, lastDisconnect, value, newFailures);
        }

        /** The recent failures of a rate-limit key (the limiter forgets those a window old). */
        List<Long> recent(String key) {
            return failures.getOrDefault(key, List.of()).stream().filter(t -> t > now - WINDOW).toList();
        }

        boolean limited(String key) {
            return recent(key).size() >= MAX_FAILURES;
        }

        Map<String, List<Long>> failing(String... keys) {
            Map<String, List<Long>> next = new HashMap<>(failures);
            for (String key : keys) {
                List<Long> times = new ArrayList<>(recent(key));
                times.add(now);
                next.put(key, times);
            }
            return next;
        }

        Map<String, List<Long>> succeeding(String key) {
            Map<String, List<Long>> next = new HashMap<>(failures);
            next.remove(key);
            return next;
        }

        /** What can be seen of the device; the limiter's failures are the model's own bookkeeping. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Model m && now == m.now && status == m.status && partner == m.partner
                    && owner == m.owner && located == m.located && automatic == m.automatic
                    && Objects.equals(lastSeen, m.lastSeen) && Objects.equals(lastDisconnect, m.lastDisconnect)
                    && online == m.online && outcome.equals(m.outcome);
        }

        @Override
        public int hashCode() {
            return Objects.hash(now, status, partner, owner, located, automatic, lastSeen, lastDisconnect, online,
                    outcome);
        }
    }

    /** The system under test: one device, an engineer, and two partners. */
    static final class Pump implements AutoCloseable {
        final Fixture fx;
        final Latchkey sdk;
        final Actor engineer;
        final List<Partner> partners;
        final Actor device;
        final Instant start;
        String outcome = "none";
        private int sources;

        Pump(Store store) {
            fx = new Fixture(store);
            sdk = fx.latchkey;
            engineer = fx.engineer();
            partners = List.of(fx.partner(), fx.partner());
            start = fx.clock.instant();
            sdk.deviceSteps().create(engineer, SERIAL, "TN-12", PRINTED);
            device = sdk.telemetry().authenticateDevice(SERIAL, PRINTED, "pump");
        }

        void attempt(Runnable command) {
            outcome = Outcome.of(command);
        }

        String source() {
            return "app-" + ++sources;
        }

        static Model seen(Pump pump) {
            DeviceCard card = pump.sdk.devices().card(pump.fx.operatorAdmin, SERIAL);
            Device d = card.device();
            long now = Duration.between(pump.start, pump.fx.clock.instant()).getSeconds();
            List<JournalEntry> history = pump.sdk.devices().history(pump.fx.operatorAdmin, SERIAL, null, 100);
            for (JournalEntry e : history) {
                if (e.fromState() != null) {
                    assertTrue(ExpectedTables.DEVICE.find(DeviceStatus.valueOf(e.fromState()),
                            DeviceEvent.valueOf(e.event())).map(r -> r.to().name().equals(e.toState()))
                            .orElse(false), "only steps of the table: " + e);
                }
            }
            int automatic = (int) history.stream().filter(e -> e.event().equals("FIRST_CONNECT")).count();
            int partner = d.responsiblePartner() == null ? -1
                    : pump.partners.stream().map(Partner::id).toList().indexOf(d.responsiblePartner());
            int owner = d.owner() == null ? -1 : pump.fx.store.inTransaction(() -> pump.fx.partyStore().customers()
                    .find(d.owner())).map(c -> PHONES.indexOf(c.phone().e164())).orElseThrow();
            Long seen = d.lastSeenAt() == null ? null : Duration.between(pump.start, d.lastSeenAt()).getSeconds();
            Long gone = d.lastDisconnectAt() == null ? null
                    : Duration.between(pump.start, d.lastDisconnectAt()).getSeconds();
            Model m = new Model(now, d.status(), partner, owner, d.country() != null && d.region() != null, automatic,
                    seen, gone, card.online(), pump.outcome, Map.of());
            pump.outcome = "none";
            return m;
        }

        @Override
        public void close() {
            fx.close();
        }
    }

    /** A step of the sequence: what it does to the system, and what it should do to the model. */
    abstract static class Step extends NamedStep<Pump, Model> {
        Step(String name) {
            super(name);
        }
    }

    /** The engineer's steps by hand, each confirmed with the engineer's password. */
    static Step byHand(DeviceEvent event, boolean rightPassword) {
        return new Step(event + (rightPassword ? "" : " with a wrong password")) {
            public void run(Pump p) {
                char[] password = (rightPassword ? Fixture.ENGINEER_PASSWORD : "wrong").toCharArray();
                p.attempt(() -> {
                    switch (event) {
                        case ADVANCE -> p.sdk.deviceSteps().advance(p.engineer, SERIAL, password);
                        case COMMISSION -> p.sdk.deviceSteps().commission(p.engineer, SERIAL, password);
                        default -> p.sdk.deviceSteps().decommission(p.engineer, SERIAL, password, "worn out");
                    }
                });
            }

            public Model nextState(Model m) {
                var row = ExpectedTables.DEVICE.find(m.status(), event);
                if (row.isEmpty()) {
                    return m.outcome("TRANSITION_NOT_ALLOWED");
                }
                if (row.get().permission() == Permission.DEVICE_SET_STATUS) {
                    return m.outcome("PERMISSION_DENIED");
                }
                if (m.limited(STEP_UP)) {
                    return m.outcome("TOO_MANY_ATTEMPTS");
                }
                if (!rightPassword) {
                    return m.outcome("STEP_UP_FAILED", m.failing(STEP_UP));
                }
                boolean fromStock = m.status() == DeviceStatus.RELEASED || m.status() == DeviceStatus.SHIPPED;
                if (fromStock && row.get().to() == DeviceStatus.IN_OPERATION && !m.located()) {
                    return m.outcome("DEVICE_DETAILS_MISSING", m.succeeding(STEP_UP));
                }
                return m.with(row.get().to(), m.partner(), m.owner(), m.located(), m.automatic(), m.lastSeen(),
                        m.lastDisconnect(), "ok", m.succeeding(STEP_UP));
            }
        };
    }

    static Step setStatus(DeviceStatus status, boolean byAdmin) {
        return new Step((byAdmin ? "admin" : "engineer") + " sets " + status) {
            public void run(Pump p) {
                p.attempt(() -> p.sdk.deviceSteps().setStatus(byAdmin ? p.fx.operatorAdmin : p.engineer, SERIAL,
                        status, "model test"));
            }

            public Model nextState(Model m) {
                if (m.status() == status) {
                    return m.outcome("TRANSITION_NOT_ALLOWED");
                }
                if (!byAdmin) {
                    return m.outcome("PERMISSION_DENIED");
                }
                return m.with(status, m.partner(), m.owner(), m.located(), m.automatic(), m.lastSeen(),
                        m.lastDisconnect(), "ok", m.failures());
            }
        };
    }

    static Step claim(int partner, boolean rightPassword) {
        String byPartner = "claim/partner" + partner;
        return new Step("partner " + partner + " claims" + (rightPassword ? "" : " with a wrong password")) {
            public void run(Pump p) {
                Partner claimant = p.partners.get(partner);
                p.attempt(() -> p.sdk.claims().claim(claimant.admin(), SERIAL, claimant.id(),
                        rightPassword ? PRINTED : "wrong".toCharArray()));
            }

            public Model nextState(Model m) {
                if (m.limited(BY_DEVICE) || m.limited(byPartner)) {
                    return m.outcome("TOO_MANY_ATTEMPTS");
                }
                if (!rightPassword) {
                    return m.outcome("DEVICE_PASSWORD_WRONG", m.failing(BY_DEVICE, byPartner));
                }
                if (m.partner() != -1 && m.partner() != partner) {
                    return m.outcome("DEVICE_ALREADY_CLAIMED");
                }
                return m.with(m.status(), partner, m.owner(), m.located(), m.automatic(), m.lastSeen(),
                        m.lastDisconnect(), "ok", m.succeeding(BY_DEVICE));
            }
        };
    }

    static Step assign(int partner) {
        return new Step("engineer assigns partner " + partner) {
            public void run(Pump p) {
                p.attempt(() -> p.sdk.deviceSteps().assignPartner(p.engineer, SERIAL, p.partners.get(partner).id()));
            }

            public Model nextState(Model m) {
                return m.with(m.status(), partner, m.owner(), m.located(), m.automatic(), m.lastSeen(),
                        m.lastDisconnect(), "ok", m.failures());
            }
        };
    }

    static Step details() {
        return new Step("engineer fills in the details") {
            public void run(Pump p) {
                p.attempt(() -> p.sdk.claims().updateDetails(p.engineer, SERIAL,
                        new DeviceDetails("RU", "Москва", "OFFICE", null, null)));
            }

            public Model nextState(Model m) {
                return m.with(m.status(), m.partner(), m.owner(), true, m.automatic(), m.lastSeen(),
                        m.lastDisconnect(), "ok", m.failures());
            }
        };
    }

    static Step registerOwner(int phone, boolean rightPassword) {
        return new Step("owner " + phone + " registers" + (rightPassword ? "" : " with a wrong password")) {
            public void run(Pump p) {
                p.attempt(() -> p.sdk.owners().registerOwner(SERIAL, rightPassword ? PRINTED : "wrong".toCharArray(),
                        new OwnerRegistration(PHONES.get(phone), "123456789", "RU", "Москва", null, null),
                        p.source()));
            }

            public Model nextState(Model m) {
                if (m.limited(BY_DEVICE)) {
                    return m.outcome("TOO_MANY_ATTEMPTS");
                }
                if (!rightPassword) {
                    return m.outcome("DEVICE_PASSWORD_WRONG", m.failing(BY_DEVICE));
                }
                if (m.owner() != -1 && m.owner() != phone) {
                    return m.outcome("DEVICE_HAS_OWNER");
                }
                return m.with(m.status(), m.partner(), phone, true, m.automatic(), m.lastSeen(), m.lastDisconnect(),
                        "ok", m.failures());
            }
        };
    }

    static Step report(ReportType type, int offsetSeconds) {
        return new Step(type + " at " + (offsetSeconds >= 0 ? "+" : "") + offsetSeconds + " s") {
            public void run(Pump p) {
                Instant at = p.fx.clock.instant().plusSeconds(offsetSeconds);
                String code = type == ReportType.ALARM || type == ReportType.ALARM_CLEARED ? "E1" : null;
                p.attempt(() -> p.sdk.telemetry().report(p.device, SERIAL, new DeviceReport(type, at, code, null)));
            }

            public Model nextState(Model m) {
                long at = Math.min(m.now() + offsetSeconds, m.now());
                DeviceStatus status = m.status();
                int automatic = m.automatic();
                if (type == ReportType.CONNECT && automatic == 0
                        && ExpectedTables.DEVICE.find(status, DeviceEvent.FIRST_CONNECT).isPresent()) {
                    status = DeviceStatus.IN_OPERATION;
                    automatic = 1;
                }
                Long seen = type == ReportType.DISCONNECT ? m.lastSeen() : later(m.lastSeen(), at);
                Long gone = type == ReportType.DISCONNECT ? later(m.lastDisconnect(), at) : m.lastDisconnect();
                return m.with(status, m.partner(), m.owner(), m.located(), automatic, seen, gone, "ok",
                        m.failures());
            }
        };
    }

    static Step advanceClock(int seconds) {
        return new Step("clock +" + seconds + " s") {
            public void run(Pump p) {
                p.fx.clock.advance(Duration.ofSeconds(seconds));
            }

            public Model nextState(Model m) {
                Model later = new Model(m.now() + seconds, m.status(), m.partner(), m.owner(), m.located(),
                        m.automatic(), m.lastSeen(), m.lastDisconnect(), false, "none", m.failures());
                return later.outcome("none");
            }
        };
    }

    private static Long later(Long stored, long at) {
        return stored == null || at > stored ? at : stored;
    }

    static Gen<Step> steps() {
        DeviceEvent[] byHand = {DeviceEvent.ADVANCE, DeviceEvent.ADVANCE, DeviceEvent.COMMISSION,
                DeviceEvent.DECOMMISSION};
        return integers().between(0, 14).zip(integers().between(0, 27), integers().between(-900, 300),
                integers().between(0, 3), (kind, a, offset, b) -> switch (kind) {
                    case 0, 1, 2 -> byHand(byHand[a % byHand.length], b != 0);
                    case 3 -> setStatus(DeviceStatus.values()[a % DeviceStatus.values().length], a % 4 != 0);
                    case 4, 5 -> claim(a % 2, b != 0);
                    case 6 -> assign(a % 2);
                    case 7 -> details();
                    case 8 -> registerOwner(a % 2, b != 0);
                    case 9, 10, 11 -> report(ReportType.values()[a % ReportType.values().length], offset);
                    case 12 -> report(ReportType.CONNECT, offset);
                    default -> advanceClock(1 + Math.abs(offset) * 2);
                });
    }
}
