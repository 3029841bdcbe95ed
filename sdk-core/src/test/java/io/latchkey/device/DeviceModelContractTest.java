package io.latchkey.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.latchkey.Latchkey;
import io.latchkey.access.Actor;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.stateful.Sequential;

/**
 * A stateful model check of one heat pump, run on every store: random interleavings of the engineer's status
 * steps ("next status" and commissioning by hand, with right and wrong passwords), the administrator's moves to
 * any status with a reason (and an engineer trying them), claims by two partners (with right and wrong printed
 * passwords), reassignments, details, reasons typed in, owners registering from the app (two phones, right and
 * wrong passwords), reports that are duplicated, reordered, back-dated or from a pump whose clock runs slow or
 * fast, and clock advances. A model that knows the table, the rate limits, the data each status needs and the
 * server-time online rule predicts each step's outcome (done, or refused with which code) and the device after
 * it, its open data request too; the journal may show only rows of the hand-written table.
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

    /**
     * What the device should look like; times are seconds from the start. {@code lastSeen} is the server's time
     * of the last report that counts; the other report times are the pump's own.
     */
    record Model(long now, DeviceStatus status, int partner, int owner, boolean located, boolean typed,
                 boolean serviceReason, boolean decommissioningReason, List<String> request, int automatic,
                 Long released, Long shipped, Long lastConnect, Long lastDisconnect, Long lastData, Long alarm,
                 Long lastSeen, String outcome, Map<String, List<Long>> failures) {

        static Model initial() {
            return new Model(0, DeviceStatus.CREATED, -1, -1, false, false, false, false, List.of(), 0, null, null,
                    null, null, null, null, null, "none", Map.of());
        }

        /** A copy changed by {@code change}. */
        Model with(Consumer<Draft> change) {
            Draft d = new Draft(this);
            change.accept(d);
            return d.build();
        }

        Model outcome(String value) {
            return with(d -> d.outcome = value);
        }

        Model outcome(String value, Map<String, List<Long>> newFailures) {
            return with(d -> {
                d.outcome = value;
                d.failures = newFailures;
            });
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
            return o instanceof Model m && seen().equals(m.seen());
        }

        @Override
        public int hashCode() {
            return seen().hashCode();
        }

        private List<Object> seen() {
            return Arrays.asList(now, status, partner, owner, located, typed, serviceReason, decommissioningReason,
                    request, automatic, released, shipped, lastConnect, lastDisconnect, lastData, alarm, lastSeen,
                    outcome);
        }
    }

    /** The mutable form {@link Model#with} hands out. */
    static final class Draft {
        long now;
        DeviceStatus status;
        int partner;
        int owner;
        boolean located;
        boolean typed;
        boolean serviceReason;
        boolean decommissioningReason;
        List<String> request;
        int automatic;
        Long released;
        Long shipped;
        Long lastConnect;
        Long lastDisconnect;
        Long lastData;
        Long alarm;
        Long lastSeen;
        String outcome;
        Map<String, List<Long>> failures;

        Draft(Model m) {
            now = m.now();
            status = m.status();
            partner = m.partner();
            owner = m.owner();
            located = m.located();
            typed = m.typed();
            serviceReason = m.serviceReason();
            decommissioningReason = m.decommissioningReason();
            request = m.request();
            automatic = m.automatic();
            released = m.released();
            shipped = m.shipped();
            lastConnect = m.lastConnect();
            lastDisconnect = m.lastDisconnect();
            lastData = m.lastData();
            alarm = m.alarm();
            lastSeen = m.lastSeen();
            outcome = "ok";
            failures = m.failures();
        }

        Model build() {
            return new Model(now, status, partner, owner, located, typed, serviceReason, decommissioningReason,
                    List.copyOf(request), automatic, released, shipped, lastConnect, lastDisconnect, lastData, alarm,
                    lastSeen, outcome, Map.copyOf(failures));
        }

        /**
         * Enters {@code to}: the warehouse dates are kept from the first time, a visit to the service or a
         * decommissioning starts without a reason unless the administrator gave one, and the data request asks
         * for what the new status needs (written out here) and the device lacks.
         */
        void enter(DeviceStatus to, boolean withReason) {
            status = to;
            if (to == DeviceStatus.RELEASED && released == null) {
                released = now;
            }
            if (to == DeviceStatus.SHIPPED && shipped == null) {
                shipped = now;
            }
            if (to == DeviceStatus.IN_SERVICE) {
                serviceReason = withReason;
            }
            if (to == DeviceStatus.DECOMMISSIONED) {
                decommissioningReason = withReason;
            }
            List<String> needs = switch (to) {
                case IN_OPERATION -> List.of("country", "region", "objectType");
                case IN_SERVICE -> List.of("country", "region", "objectType", "serviceReason");
                case DECOMMISSIONED -> List.of("decommissioningReason");
                default -> List.of();
            };
            request = needs.stream().filter(f -> !has(f)).toList();
        }

        /** Strikes what the device has now off the open request. */
        void strike() {
            request = request.stream().filter(f -> !has(f)).toList();
        }

        private boolean has(String field) {
            return switch (field) {
                case "country", "region" -> located;
                case "objectType" -> typed;
                case "serviceReason" -> serviceReason;
                default -> decommissioningReason;
            };
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
            long now = pump.seconds(pump.fx.clock.instant());
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
            Long seen = pump.seconds(d.lastSeenAt());
            // Online is the server's word alone: heard from within the timeout, and not disconnected since.
            assertEquals(seen != null && now < seen + TIMEOUT, card.online(), "online");
            Long alarm = d.alarms().isEmpty() ? null : pump.seconds(d.alarms().get(0).at());
            Model m = new Model(now, d.status(), partner, owner, d.country() != null && d.region() != null,
                    d.objectType() != null, d.fact(StageField.SERVICE_REASON).isPresent(),
                    d.fact(StageField.DECOMMISSIONING_REASON).isPresent(),
                    d.dataRequest() == null ? List.of() : d.dataRequest().fields(), automatic,
                    pump.seconds(d.fact(StageField.RELEASE_DATE)), pump.seconds(d.fact(StageField.SHIPMENT_DATE)),
                    pump.seconds(d.lastConnectAt()), pump.seconds(d.lastDisconnectAt()),
                    pump.seconds(d.lastDataReportedAt()), alarm, seen, pump.outcome, Map.of());
            pump.outcome = "none";
            return m;
        }

        Long seconds(Instant at) {
            return at == null ? null : Duration.between(start, at).getSeconds();
        }

        Long seconds(Optional<StageFact> fact) {
            return fact.map(f -> seconds(Instant.parse(f.value()))).orElse(null);
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

    /** The engineer's steps by hand ("next status", commissioning), each confirmed with the engineer's password. */
    static Step byHand(DeviceEvent event, boolean rightPassword) {
        return new Step(event + (rightPassword ? "" : " with a wrong password")) {
            public void run(Pump p) {
                char[] password = (rightPassword ? Fixture.ENGINEER_PASSWORD : "wrong").toCharArray();
                p.attempt(() -> {
                    if (event == DeviceEvent.ADVANCE) {
                        p.sdk.deviceSteps().advance(p.engineer, SERIAL, password);
                    } else {
                        p.sdk.deviceSteps().commission(p.engineer, SERIAL, password);
                    }
                });
            }

            public Model nextState(Model m) {
                var row = ExpectedTables.DEVICE.find(m.status(), event);
                if (row.isEmpty()) {
                    return m.outcome("TRANSITION_NOT_ALLOWED");
                }
                if (m.limited(STEP_UP)) {
                    return m.outcome("TOO_MANY_ATTEMPTS");
                }
                if (!rightPassword) {
                    return m.outcome("STEP_UP_FAILED", m.failing(STEP_UP));
                }
                // Never refused for missing details: the new status asks for them instead.
                return m.with(d -> {
                    d.enter(row.get().to(), false);
                    d.failures = m.succeeding(STEP_UP);
                });
            }
        };
    }

    /** The administrator's move to any status (and an engineer trying one), with a reason. */
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
                return m.with(d -> d.enter(status, true));
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
                return m.with(d -> {
                    d.partner = partner;
                    d.failures = m.succeeding(BY_DEVICE);
                });
            }
        };
    }

    static Step assign(int partner) {
        return new Step("engineer assigns partner " + partner) {
            public void run(Pump p) {
                p.attempt(() -> p.sdk.deviceSteps().assignPartner(p.engineer, SERIAL, p.partners.get(partner).id()));
            }

            public Model nextState(Model m) {
                return m.with(d -> d.partner = partner);
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
                return m.with(d -> {
                    d.located = true;
                    d.typed = true;
                    d.strike();
                });
            }
        };
    }

    /** The engineer types a reason: of the service visit, or of the decommissioning. */
    static Step reason(StageField field) {
        return new Step("engineer gives the " + field.fieldName()) {
            public void run(Pump p) {
                p.attempt(() -> p.sdk.deviceSteps().fill(p.engineer, SERIAL, Map.of(field, "worn out")));
            }

            public Model nextState(Model m) {
                if (m.status() == DeviceStatus.CREATED) {
                    return m.outcome("TRANSITION_NOT_ALLOWED");
                }
                List<DeviceStatus> line = List.of(DeviceStatus.CREATED, DeviceStatus.PRODUCED, DeviceStatus.RELEASED,
                        DeviceStatus.SHIPPED, DeviceStatus.IN_OPERATION, DeviceStatus.IN_SERVICE,
                        DeviceStatus.DECOMMISSIONED);
                if (line.indexOf(m.status()) < line.indexOf(field.stage())) {
                    return m.outcome("DEVICE_STAGE_NOT_REACHED");
                }
                return m.with(d -> {
                    if (field == StageField.SERVICE_REASON) {
                        d.serviceReason = true;
                    } else {
                        d.decommissioningReason = true;
                    }
                    d.strike();
                });
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
                return m.with(d -> {
                    d.owner = phone;
                    d.located = true;
                    d.strike();
                });
            }
        };
    }

    /**
     * A report made {@code offsetSeconds} from now by the pump's clock: negative for a delayed, replayed or
     * back-dated one (or a pump whose clock runs slow), positive for a clock running fast.
     */
    static Step report(ReportType type, int offsetSeconds) {
        return new Step(type + " at " + (offsetSeconds >= 0 ? "+" : "") + offsetSeconds + " s") {
            public void run(Pump p) {
                Instant at = p.fx.clock.instant().plusSeconds(offsetSeconds);
                String code = type == ReportType.ALARM || type == ReportType.ALARM_CLEARED ? "E1" : null;
                p.attempt(() -> p.sdk.telemetry().report(p.device, SERIAL, new DeviceReport(type, at, code, null)));
            }

            public Model nextState(Model m) {
                long at = Math.min(m.now() + offsetSeconds, m.now());
                Long stored = switch (type) {
                    case CONNECT -> m.lastConnect();
                    case DISCONNECT -> m.lastDisconnect();
                    case DATA -> m.lastData();
                    case ALARM, ALARM_CLEARED -> m.alarm();
                };
                if (stored != null && at <= stored) {
                    return m.outcome("ok");
                }
                return m.with(d -> {
                    switch (type) {
                        case CONNECT -> d.lastConnect = at;
                        case DISCONNECT -> d.lastDisconnect = at;
                        case DATA -> d.lastData = at;
                        case ALARM, ALARM_CLEARED -> d.alarm = at;
                    }
                    if (type == ReportType.DISCONNECT) {
                        if (m.lastConnect() == null || m.lastConnect() <= at) {
                            d.lastSeen = null;
                        }
                    } else if (m.lastDisconnect() == null || at > m.lastDisconnect()) {
                        d.lastSeen = m.now();
                    }
                    Long release = m.released() != null ? m.released() : m.shipped();
                    boolean fromStock = m.status() == DeviceStatus.RELEASED || m.status() == DeviceStatus.SHIPPED;
                    if (type == ReportType.CONNECT && m.automatic() == 0 && fromStock
                            && (release == null || at >= release)) {
                        d.automatic = 1;
                        d.enter(DeviceStatus.IN_OPERATION, false);
                    }
                });
            }
        };
    }

    static Step advanceClock(int seconds) {
        return new Step("clock +" + seconds + " s") {
            public void run(Pump p) {
                p.fx.clock.advance(Duration.ofSeconds(seconds));
            }

            public Model nextState(Model m) {
                return m.with(d -> {
                    d.now = m.now() + seconds;
                    d.outcome = "none";
                });
            }
        };
    }

    static Gen<Step> steps() {
        StageField[] reasons = {StageField.SERVICE_REASON, StageField.DECOMMISSIONING_REASON};
        return integers().between(0, 15).zip(integers().between(0, 27), integers().between(-900, 300),
                integers().between(0, 3), (kind, a, offset, b) -> switch (kind) {
                    case 0, 1, 2 -> byHand(a % 3 == 0 ? DeviceEvent.COMMISSION : DeviceEvent.ADVANCE, b != 0);
                    case 3 -> setStatus(DeviceStatus.values()[a % DeviceStatus.values().length], a % 4 != 0);
                    case 4, 5 -> claim(a % 2, b != 0);
                    case 6 -> assign(a % 2);
                    case 7 -> details();
                    case 8 -> registerOwner(a % 2, b != 0);
                    case 9, 10, 11 -> report(ReportType.values()[a % ReportType.values().length], offset);
                    case 12 -> report(ReportType.CONNECT, offset);
                    case 13 -> reason(reasons[a % 2]);
                    default -> advanceClock(1 + Math.abs(offset) * 2);
                });
    }
}
