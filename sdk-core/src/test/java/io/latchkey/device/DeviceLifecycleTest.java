package io.latchkey.device;

import static io.latchkey.testkit.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.latchkey.ErrorCode;
import io.latchkey.access.Actor;
import io.latchkey.access.Permission;
import io.latchkey.lifecycle.Transition;
import io.latchkey.store.InMemoryStore;
import io.latchkey.testkit.Fixture;
import io.latchkey.testkit.Fixture.Partner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks the device table: every (status × event) pair, legal or not, tried through the service, and the
 * permission matrix of every step taken by hand.
 */
class DeviceLifecycleTest {

    private static final String SERIAL = "HP-1";
    private static final char[] PRINTED = "pump-1".toCharArray();

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (DeviceStatus status : DeviceStatus.values()) {
            for (DeviceEvent event : DeviceEvent.values()) {
                pairs.add(Arguments.of(status, event));
            }
        }
        return pairs.stream();
    }

    /** A device put into {@code status} (by the ADMIN's hand-set status), with its details filled in. */
    private static final class OneDevice {
        final Fixture fx = new Fixture(InMemoryStore.create());
        final DeviceService devices = fx.latchkey.devices();
        final Actor engineer = fx.engineer();
        final Partner partner = fx.partner();

        OneDevice(DeviceStatus status) {
            devices.create(engineer, SERIAL, "TN-12", PRINTED);
            devices.updateDetails(engineer, SERIAL, new DeviceDetails("RU", "Москва", "OFFICE", null, null));
            if (status != DeviceStatus.CREATED) {
                devices.setStatus(fx.operatorAdmin, SERIAL, status, "test set-up");
            }
        }

        DeviceStatus status() {
            return devices.card(engineer, SERIAL).device().status();
        }

        /** Takes {@code event} as {@code actor} would; a device's own event is its first connection. */
        void take(DeviceEvent event, Actor actor, String password) {
            char[] confirm = password.toCharArray();
            switch (event) {
                case ADVANCE -> devices.advance(actor, SERIAL, confirm);
                case COMMISSION -> devices.commission(actor, SERIAL, confirm);
                case DECOMMISSION -> devices.decommission(actor, SERIAL, confirm, "end of life");
                case FIRST_CONNECT -> devices.report(devices.authenticateDevice(SERIAL, PRINTED, "pump"), SERIAL,
                        new DeviceReport(ReportType.CONNECT, Instant.parse(Fixture.START), null, null));
            }
        }
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("pairs")
    void everyPairBehavesAsTheTableSays(DeviceStatus status, DeviceEvent event) {
        OneDevice one = new OneDevice(status);
        Optional<Transition<DeviceStatus, DeviceEvent>> legal = DeviceLifecycle.TABLE.find(status, event);
        boolean adminOnly = legal.map(t -> t.permission() == Permission.DEVICE_SET_STATUS).orElse(false);
        Actor actor = adminOnly ? one.fx.operatorAdmin : one.engineer;
        String password = adminOnly ? Fixture.ADMIN_PASSWORD : Fixture.ENGINEER_PASSWORD;
        if (legal.isPresent()) {
            one.take(event, actor, password);
            assertEquals(legal.get().to(), one.status());
        } else if (event == DeviceEvent.FIRST_CONNECT) {
            one.take(event, actor, password);
            assertEquals(status, one.status(), "a connection outside release changes no status");
        } else {
            refused(ErrorCode.TRANSITION_NOT_ALLOWED, () -> one.take(event, actor, password));
            assertEquals(status, one.status());
        }
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("pairs")
    void onlyTheOperatorsStaffTakeStepsByHand(DeviceStatus status, DeviceEvent event) {
        Optional<Transition<DeviceStatus, DeviceEvent>> legal = DeviceLifecycle.TABLE.find(status, event);
        if (legal.isEmpty() || event == DeviceEvent.FIRST_CONNECT) {
            return;
        }
        OneDevice one = new OneDevice(status);
        Partner other = one.fx.partner();
        one.devices.claim(one.partner.admin(), SERIAL, one.partner.id(), PRINTED);
        Actor owner = one.devices.registerOwner(SERIAL, PRINTED, new io.latchkey.device.OwnerRegistration(
                "+79123456789", "123456789", "RU", "Москва", null, null), "app").newOwner().orElseThrow();

        refused(ErrorCode.PERMISSION_DENIED, () -> one.take(event, one.partner.admin(), Fixture.ADMIN_PASSWORD));
        refused(ErrorCode.DEVICE_NOT_FOUND, () -> one.take(event, other.admin(), Fixture.ADMIN_PASSWORD));
        refused(ErrorCode.PERMISSION_DENIED, () -> one.take(event, owner, Fixture.ADMIN_PASSWORD));
        if (legal.get().permission() == Permission.DEVICE_SET_STATUS) {
            refused(ErrorCode.PERMISSION_DENIED, () -> one.take(event, one.engineer, Fixture.ENGINEER_PASSWORD));
        }
        assertEquals(status, one.status(), "no refused step moved it");
        one.take(event, one.fx.operatorAdmin, Fixture.ADMIN_PASSWORD);
        assertEquals(legal.get().to(), one.status(), "the ADMIN may take every step");
    }
}
