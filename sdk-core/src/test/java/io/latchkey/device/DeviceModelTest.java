package io.latchkey.device;

import io.latchkey.Latchkey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.store.InMemoryStore;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.NamedStep;
import io.latchkey.testkit.Fixture.Partner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.stateful.Sequential;

/**
 * A stateful model check of one device: random interleavings of status steps (with right and wrong
 * passwords), ADMIN overrides, claims by two partners (with right and wrong printed passwords), duplicated and
 * reordered reports, and clock advances. After every step the device must match a model that knows the table,
 * the rate limits and the online rule, and the journal must show status moving only along the table except by
 * an ADMIN's hand.
 */
class DeviceModelTest {

    private static final String SERIAL = "HP-1";
    private static final char[] PRINTED = "pump-1".toCharArray();
    private static final long WINDOW = Duration.ofMinutes(15).toSeconds();
    private static final long TIMEOUT = DeviceCatalog.defaults().onlineTimeout().toSeconds();
    private static final int MAX_FAILURES = 10;

    /** What the device should look like; times are seconds from the start. */
    record Model(long now, DeviceStatus status, int partner, int automatic, Long lastSeen, Long lastDisconnect,
                 boolean online, Map<String, List<Long>> failures) {

        static Model initial() {
            return new Model(0, DeviceStatus.CREATED, -1, 0, null, null, false, Map.of());
        }

        Model with(long newNow, DeviceStatus newStatus, int newPartner, int newAutomatic, Long newSeen,
                   Long newDisconnect, Map<String, List<Long>> newFailures) {
            boolean on = newSeen != null && newNow < newSeen + TIMEOUT
                    && (newDisconnect == null || newDisconnect < newSeen);
            return new Model(newNow, newStatus, newPartner, newAutomatic, newSeen, newDisconnect, on,
                    Map.copyOf(newFailures));
        }

        /** The recent failures of a rate-limit key (the limiter forgets those a window old). */
        List<Long> recent(String key) {
            return failures.getOrDefault(key, List.of()).stream().filter(t -> t > now - WINDOW).toList();
        }

        boolean limited(String key) {
            return recent(key).size() >= MAX_FAILURES;
        }

        Map<String, List<Long>> failing(String... keys) {
            Map<String, List<Long>> next = new java.util.HashMap<>(failures);
            for (String key : keys) {
                List<Long> times = new ArrayList<>(recent(key));
                times.add(now);
                next.put(key, times);
            }
            return next;
        }

        /** What can be seen of the device; the rate limiter's failure counts are the model's own bookkeeping. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Model m && now == m.now && status == m.status && partner == m.partner
                    && automatic == m.automatic && java.util.Objects.equals(lastSeen, m.lastSeen)
                    && java.util.Objects.equals(lastDisconnect, m.lastDisconnect) && online == m.online;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(now, status, partner, automatic, lastSeen, lastDisconnect, online);
        }

        Map<String, List<Long>> succeeding(String key) {
            Map<String, List<Long>> next = new java.util.HashMap<>(failures);
            next.remove(key);
            return next;
        }
    }

    /** The system under test: one device, an engineer, an admin and two partners. */
    static final class Pump {
        final Fixture fx = new Fixture(InMemoryStore.create());
        final Latchkey sdk = fx.latchkey;
        final Actor engineer = fx.engineer();
        final List<Partner> partners = List.of(fx.partner(), fx.partner());
        final Actor device;
        final Instant start = fx.clock.instant();

        Pump() {
            sdk.deviceSteps().create(engineer, SERIAL, "TN-12", PRINTED);
            sdk.claims().updateDetails(engineer, SERIAL, new DeviceDetails("RU", "Москва", "OFFICE", null, null));
            device = sdk.telemetry().authenticateDevice(SERIAL, PRINTED, "pump");
        }

        void attempt(Runnable command) {
            try {
                command.run();
            } catch (LatchkeyException refused) {
                // The model says whether it should have worked; comparing states catches a mismatch.
            }
        }
    }

    static Model observe(Pump pump) {
        DeviceCard card = pump.sdk.devices().card(pump.fx.operatorAdmin, SERIAL);
        Device d = card.device();
        long now = Duration.between(pump.start, pump.fx.clock.instant()).getSeconds();
        List<JournalEntry> history = pump.sdk.devices().history(pump.fx.operatorAdmin, SERIAL);
        for (JournalEntry e : history) {
            if (e.fromState() == null || e.event().equals("SET_STATUS")) {
                assertTrue(e.fromState() == null || e.actor().equals(pump.fx.operatorAdmin.describe()), e.toString());
                continue;
            }
            DeviceStatus from = DeviceStatus.valueOf(e.fromState());
            DeviceStatus to = DeviceStatus.valueOf(e.toState());
            if (from != to) {
                assertEquals(to, DeviceLifecycle.TABLE.require(from, DeviceEvent.valueOf(e.event())).to(),
                        "only table steps move the status: " + e);
            }
        }
        int automatic = (int) history.stream().filter(e -> e.event().equals("FIRST_CONNECT")).count();
        int partner = d.responsiblePartner() == null ? -1
                : pump.partners.stream().map(Partner::id).toList().indexOf(d.responsiblePartner());
        Long seen = d.lastSeenAt() == null ? null : Duration.between(pump.start, d.lastSeenAt()).getSeconds();
        Long gone = d.lastDisconnectAt() == null ? null : Duration.between(pump.start,
                d.lastDisconnectAt()).getSeconds();
        return new Model(now, d.status(), partner, automatic, seen, gone, card.online(), Map.of());
    }

    /** A step of the sequence: what it does to the system, and what it should do to the model. */
    abstract static class Step extends NamedStep<Pump, Model> {
        Step(String name) {
            super(name);
        }

        /** The model after this step. */
        abstract Model next(Model m);

        @Override
        public Model nextState(Model m) {
            return next(m);
        }
    }

    static Step advance(boolean rightPassword) {
        String key = "step-up";
        return new Step("advance" + (rightPassword ? "" : " with a wrong password")) {
            public void run(Pump p) {
                p.attempt(() -> p.sdk.deviceSteps().advance(p.engineer, SERIAL,
                        (rightPassword ? Fixture.ENGINEER_PASSWORD : "wrong").toCharArray()));
            }

            Model next(Model m) {
                var step = DeviceLifecycle.TABLE.find(m.status(), DeviceEvent.ADVANCE);
                if (step.isEmpty() || m.limited(key)) {
                    return m;
                }
                if (!rightPassword) {
                    return m.with(m.now(), m.status(), m.partner(), m.automatic(), m.lastSeen(), m.lastDisconnect(),
                            m.failing(key));
                }
                return m.with(m.now(), step.get().to(), m.partner(), m.automatic(), m.lastSeen(), m.lastDisconnect(),
                        m.succeeding(key));
            }
        };
    }

    static Step setStatus(DeviceStatus status) {
        return new Step("admin sets " + status) {
            public void run(Pump p) {
                p.attempt(() -> p.sdk.deviceSteps().setStatus(p.fx.operatorAdmin, SERIAL, status, "model test"));
            }

            Model next(Model m) {
                // The administrator moves a device to any other status; to its own there is no move.
                return m.status() == status ? m : m.with(m.now(), status, m.partner(), m.automatic(), m.lastSeen(),
                        m.lastDisconnect(), m.failures());
            }
        };
    }

    static Step claim(int partner, boolean rightPassword) {
        String deviceKey = "claim/device";
        String partnerKey = "claim/partner" + partner;
        return new Step("partner " + partner + " claims" + (rightPassword ? "" : " with a wrong password")) {
            public void run(Pump p) {
                Partner claimant = p.partners.get(partner);
                p.attempt(() -> p.sdk.claims().claim(claimant.admin(), SERIAL, claimant.id(),
                        rightPassword ? PRINTED : "wrong".toCharArray()));
            }

            Model next(Model m) {
                if (m.limited(deviceKey) || m.limited(partnerKey)) {
                    return m;
                }
                if (!rightPassword) {
                    return m.with(m.now(), m.status(), m.partner(), m.automatic(), m.lastSeen(), m.lastDisconnect(),
                            m.failing(deviceKey, partnerKey));
                }
                if (m.partner() != -1 && m.partner() != partner) {
                    return m;
                }
                return m.with(m.now(), m.status(), partner, m.automatic(), m.lastSeen(), m.lastDisconnect(),
                        m.succeeding(deviceKey));
            }
        };
    }

    static Step report(ReportType type, int offsetSeconds) {
        return new Step(type + " at " + (offsetSeconds >= 0 ? "+" : "") + offsetSeconds + " s") {
            public void run(Pump p) {
                Instant at = p.fx.clock.instant().plusSeconds(offsetSeconds);
                String code = type == ReportType.ALARM || type == ReportType.ALARM_CLEARED ? "E1" : null;
                p.sdk.telemetry().report(p.device, SERIAL, new DeviceReport(type, at, code, null));
            }

            Model next(Model m) {
                long at = Math.min(m.now() + offsetSeconds, m.now());
                DeviceStatus status = m.status();
                int automatic = m.automatic();
                if (type == ReportType.CONNECT && automatic == 0
                        && DeviceLifecycle.TABLE.find(status, DeviceEvent.FIRST_CONNECT).isPresent()) {
                    status = DeviceStatus.IN_OPERATION;
                    automatic = 1;
                }
                Long seen = type == ReportType.DISCONNECT ? m.lastSeen() : later(m.lastSeen(), at);
                Long gone = type == ReportType.DISCONNECT ? later(m.lastDisconnect(), at) : m.lastDisconnect();
                return m.with(m.now(), status, m.partner(), automatic, seen, gone, m.failures());
            }
        };
    }

    static Step advanceClock(int seconds) {
        return new Step("clock +" + seconds + " s") {
            public void run(Pump p) {
                p.fx.clock.advance(Duration.ofSeconds(seconds));
            }

            Model next(Model m) {
                return m.with(m.now() + seconds, m.status(), m.partner(), m.automatic(), m.lastSeen(),
                        m.lastDisconnect(), m.failures());
            }
        };
    }

    private static Long later(Long stored, long at) {
        return stored == null || at > stored ? at : stored;
    }

    static Gen<Step> steps() {
        return integers().between(0, 11).zip(integers().between(0, 6), integers().between(-900, 300),
                integers().between(0, 3), (kind, a, offset, b) -> switch (kind) {
                    case 0, 1 -> advance(b != 0);
                    case 2 -> setStatus(DeviceStatus.values()[a]);
                    case 3, 4 -> claim(a % 2, b != 0);
                    case 5, 6, 7 -> report(ReportType.values()[a % ReportType.values().length], offset);
                    case 8 -> report(ReportType.CONNECT, offset);
                    default -> advanceClock(1 + Math.abs(offset) * 2);
                });
    }

    @Test
    void randomInterleavingsKeepTheDevicesInvariants() {
        qt().withExamples(150).forAll(lists().of(steps()).ofSizeBetween(1, 40)).checkAssert(steps ->
                Sequential.modelCheck(Model.initial(), steps, m -> new Pump(), DeviceModelTest::observe));
    }
}
