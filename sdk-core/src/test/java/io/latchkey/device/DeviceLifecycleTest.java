package io.latchkey.device;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.latchkey.ErrorCode;
import io.latchkey.Latchkey;
import io.latchkey.access.Actor;
import io.latchkey.access.Permission;
import io.latchkey.lifecycle.JournalEntry;
import io.latchkey.store.InMemoryStore;
import io.latchkey.testkit.ExpectedTable.Row;
import io.latchkey.testkit.ExpectedTables;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.Fixture.Partner;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks the device lifecycle through the services: every (status × event) pair, legal or not, with the outcome
 * the hand-written table expects, and who may take each step by hand.
 */
class DeviceLifecycleTest {

    private static final String SERIAL = "HP-1";
    private static final char[] PRINTED = "pump-1".toCharArray();
    private static final Set<DeviceEvent> BY_HAND = Set.of(DeviceEvent.ADVANCE, DeviceEvent.COMMISSION,
            DeviceEvent.SET_CREATED, DeviceEvent.SET_PRODUCED, DeviceEvent.SET_RELEASED,
            DeviceEvent.SET_SHIPPED, DeviceEvent.SET_IN_OPERATION, DeviceEvent.SET_IN_SERVICE,
            DeviceEvent.SET_DECOMMISSIONED);

    static Stream<Arguments> pairs() {
        return ExpectedTables.DEVICE.pairs();
    }

    /** A device put into {@code status} (by the ADMIN's hand), with its details filled in. */
    private static final class OneDevice {
        final Fixture fx = new Fixture(InMemoryStore.create());
        final Latchkey sdk = fx.latchkey;
        final Actor engineer = fx.engineer();
        final Partner partner = fx.partner();
        final Actor owner;

        OneDevice(DeviceStatus status) {
            sdk.deviceSteps().create(engineer, SERIAL, "TN-12", PRINTED);
            owner = sdk.owners().registerOwner(SERIAL, PRINTED, new OwnerRegistration("+79123456789", "123456789",
                    "RU", "Москва", null, null), "app").newOwner().orElseThrow();
            sdk.claims().updateDetails(engineer, SERIAL, new DeviceDetails("RU", "Москва", "OFFICE", null, null));
            if (status != DeviceStatus.CREATED) {
                sdk.deviceSteps().setStatus(fx.operatorAdmin, SERIAL, status, "test set-up");
            }
        }

        Device device() {
            return sdk.devices().card(fx.operatorAdmin, SERIAL).device();
        }

        List<JournalEntry> journal() {
            return sdk.devices().history(fx.operatorAdmin, SERIAL, null, 100);
        }

        /** Takes {@code event} as {@code actor} would, confirming with {@code password} where a step asks. */
        void take(DeviceEvent event, Actor actor, String password) {
            char[] confirm = password.toCharArray();
            switch (event) {
                case ADVANCE -> sdk.deviceSteps().advance(actor, SERIAL, confirm);
                case COMMISSION -> sdk.deviceSteps().commission(actor, SERIAL, confirm);
                case FILL_DATA -> sdk.deviceSteps().fill(actor, SERIAL, Map.of(typedUpTo(device().status()),
                        "typed"));
                case RENAME -> sdk.owners().rename(actor, SERIAL, "Дача");
                case FIRST_CONNECT -> sdk.telemetry().report(sdk.telemetry().authenticateDevice(SERIAL, PRINTED,
                        "pump"), SERIAL, new DeviceReport(ReportType.CONNECT, Instant.parse(Fixture.START), null,
                                null));
                case CLAIM -> sdk.claims().claim(actor, SERIAL, partner.id(), PRINTED);
                case ASSIGN -> sdk.deviceSteps().assignPartner(actor, SERIAL, partner.id());
                case EDIT_DETAILS -> sdk.claims().updateDetails(actor, SERIAL,
                        new DeviceDetails("RU", "Новосибирская область", "PRIVATE_HOUSE", "Иванов", null));
                case REGISTER_OWNER -> sdk.owners().registerOwner(SERIAL, PRINTED, new OwnerRegistration(
                        "+79123456789", "123456789", "RU", "Москва", null, null), "app");
                default -> sdk.deviceSteps().setStatus(actor, SERIAL, target(event), "by hand");
            }
        }
    }

    /** The typed field of the latest stage the device has reached (before any, the first). */
    private static StageField typedUpTo(DeviceStatus status) {
        StageField latest = StageField.FIRMWARE;
        for (StageField field : StageField.values()) {
            boolean typed = field.source() == StageField.Source.TYPED || field.source() == StageField.Source.REASON;
            if (typed && DeviceLifecycle.LINE.indexOf(field.stage()) <= DeviceLifecycle.LINE.indexOf(status)) {
                latest = field;
            }
        }
        return latest;
    }

    private static DeviceStatus target(DeviceEvent setTo) {
        return DeviceStatus.valueOf(setTo.name().substring("SET_".length()));
    }

    /**
     * Who takes a step in the walk: the ADMIN where only the ADMIN may, a partner claims, the owner renames, else
     * an engineer.
     */
    private static Actor actorFor(OneDevice one, Optional<Row<DeviceStatus, DeviceEvent>> row, DeviceEvent event) {
        if (event == DeviceEvent.CLAIM) {
            return one.partner.admin();
        }
        if (event == DeviceEvent.RENAME) {
            return one.owner;
        }
        boolean adminOnly = event.name().startsWith("SET_")
                || row.map(r -> r.permission() == Permission.DEVICE_SET_STATUS).orElse(false);
        return adminOnly ? one.fx.operatorAdmin : one.engineer;
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("pairs")
    void everyPairBehavesAsTheTableSays(DeviceStatus status, DeviceEvent event) {
        OneDevice one = new OneDevice(status);
        Optional<Row<DeviceStatus, DeviceEvent>> row = ExpectedTables.DEVICE.find(status, event);
        Actor actor = actorFor(one, row, event);
        String password = actor.equals(one.fx.operatorAdmin) ? Fixture.ADMIN_PASSWORD : Fixture.ENGINEER_PASSWORD;
        int journaled = one.journal().size();
        if (row.isPresent()) {
            one.take(event, actor, password);
            assertEquals(row.get().to(), one.device().status());
            List<JournalEntry> journal = one.journal();
            JournalEntry last = journal.get(journal.size() - 1);
            assertEquals(List.of(event.name(), status.name(), row.get().to().name()),
                    List.of(last.event(), last.fromState(), last.toState()), "journaled as the table's step");
        } else if (event == DeviceEvent.FIRST_CONNECT) {
            one.take(event, actor, password);
            assertEquals(status, one.device().status(), "a connection outside release changes no status");
            assertEquals(journaled, one.journal().size());
        } else {
            refused(ErrorCode.TRANSITION_NOT_ALLOWED, () -> one.take(event, actor, password));
            assertEquals(status, one.device().status());
            assertEquals(journaled, one.journal().size());
        }
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("pairs")
    void onlyTheOperatorsStaffTakeStepsByHand(DeviceStatus status, DeviceEvent event) {
        Optional<Row<DeviceStatus, DeviceEvent>> row = ExpectedTables.DEVICE.find(status, event);
        if (row.isEmpty() || !BY_HAND.contains(event)) {
            return;
        }
        OneDevice one = new OneDevice(status);
        Partner other = one.fx.partner();
        one.sdk.claims().claim(one.partner.admin(), SERIAL, one.partner.id(), PRINTED);
        Actor owner = one.owner;

        refused(ErrorCode.PERMISSION_DENIED, () -> one.take(event, one.partner.admin(), Fixture.MEMBER_PASSWORD));
        refused(ErrorCode.DEVICE_NOT_FOUND, () -> one.take(event, other.admin(), Fixture.MEMBER_PASSWORD));
        refused(ErrorCode.PERMISSION_DENIED, () -> one.take(event, owner, Fixture.MEMBER_PASSWORD));
        if (row.get().permission() == Permission.DEVICE_SET_STATUS) {
            refused(ErrorCode.PERMISSION_DENIED, () -> one.take(event, one.engineer, Fixture.ENGINEER_PASSWORD));
        }
        assertEquals(status, one.device().status(), "no refused step moved it");
        one.take(event, one.fx.operatorAdmin, Fixture.ADMIN_PASSWORD);
        assertEquals(row.get().to(), one.device().status(), "the ADMIN may take every step");
    }
}
