package io.latchkey.device;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Access;
import io.latchkey.access.Actor;
import io.latchkey.access.Holder;
import io.latchkey.access.OrgId;
import io.latchkey.crypto.Ids;
import io.latchkey.crypto.PasswordHasher;
import io.latchkey.internal.Checks;
import io.latchkey.lifecycle.Aggregate;
import io.latchkey.lifecycle.Steps;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.PartyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The device area's records as its services share them: the stores, the kernel step bound to devices, finding
 * a device as an actor may, its card, and the printed password checked at the same cost whether or not the
 * serial exists.
 */
final class DeviceRecords {

    static final int MAX_LIST = 1000;
    static final int MAX_SERIAL = 64;
    private static final Pattern SERIAL = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,63}");

    final DeviceStore store;
    final PartyStore party;
    final Steps steps;
    final Access access;
    final Clock clock;
    final Ids ids;
    final DeviceCatalog catalog;
    final PasswordHasher hasher;
    final Aggregate<Device, DeviceStatus, DeviceEvent> devices;
    /** Verified when no device matches, so that a wrong serial costs as much as a wrong password. */
    private final String decoy;

    DeviceRecords(DeviceStore store, PartyStore party, Steps steps, Access access, Clock clock, Ids ids,
                  DeviceCatalog catalog, PasswordHasher hasher) {
        this.store = store;
        this.party = party;
        this.steps = steps;
        this.access = access;
        this.clock = clock;
        this.ids = ids;
        this.catalog = catalog;
        this.hasher = hasher;
        this.devices = new Aggregate<>(DeviceLifecycle.TABLE, Device::status, Device::serial, DeviceRecords::holder,
                store.devices()::insert, store.devices()::update);
        this.decoy = hasher.hash("no device has this password".toCharArray());
    }

    /** Whom a device's steps belong to: the operator that made it, the device itself, its owner. */
    static Holder holder(Device device) {
        return new Holder(device.operator(), device.serial(), device.owner());
    }

    /** Whom a device's card belongs to: the responsible partner (or the operator), the device, its owner. */
    static Holder viewer(Device device) {
        return new Holder(device.visibleTo(), device.serial(), device.owner());
    }

    /**
     * The device as far as the actor may know it exists: members in whose channel it lies (through its
     * partner or its operator), its owner, the device itself. NOT_FOUND for everyone else.
     */
    Device found(Actor actor, String serial) {
        String normalized = serial(serial);
        Optional<Device> device = store.devices().findBySerial(normalized);
        boolean known = device.isPresent() && switch (actor.kind()) {
            case MEMBER -> access.sees(actor, device.get().visibleTo()) || access.sees(actor, device.get().operator());
            case CUSTOMER -> device.get().owner() != null && device.get().owner().toString().equals(actor.subject());
            case DEVICE -> device.get().serial().equals(actor.subject());
            case SYSTEM, ANONYMOUS -> false;
        };
        if (!known) {
            throw LatchkeyException.of(ErrorCode.DEVICE_NOT_FOUND, normalized);
        }
        return device.get();
    }

    DeviceCard card(Actor viewer, Device device) {
        boolean owner = viewer.kind() == Actor.Kind.CUSTOMER && device.owner() != null
                && device.owner().toString().equals(viewer.subject());
        Device shown = device.with(d -> {
            d.passwordHash = "";
            if (!owner) {
                d.ownerNickname = null;
            }
        });
        return new DeviceCard(shown, device.onlineAt(clock.instant(), catalog.onlineTimeout()),
                device.activeAlarms(), missingFields(device), catalog.manual(device.model()));
    }

    /** The details a partner must give that the device does not have yet. */
    static List<String> missingFields(Device device) {
        List<String> missing = new ArrayList<>();
        if (device.country() == null) {
            missing.add("country");
        }
        if (device.region() == null) {
            missing.add("region");
        }
        if (device.objectType() == null) {
            missing.add("objectType");
        }
        return missing;
    }

    /** Whether the device exists and the password is its own; as slow when it does not exist. */
    boolean passwordMatches(Optional<Device> device, char[] password) {
        boolean matches = password != null && hasher.verify(password, device.map(Device::passwordHash).orElse(decoy));
        return matches && device.isPresent();
    }

    Organization partner(OrgId id) {
        Organization organization = party.organizations().find(id)
                .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.ORGANIZATION_NOT_FOUND, "partnerId", id));
        if (organization.kind() != OrgKind.PARTNER || !organization.isOpen()) {
            throw LatchkeyException.ofField(ErrorCode.NOT_A_PARTNER, "partnerId", id);
        }
        return organization;
    }

    static String serial(String value) {
        String serial = Checks.required("serial", value).toUpperCase(Locale.ROOT);
        if (!SERIAL.matcher(serial).matches()) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "serial", "serial",
                    "letters, digits and dashes, up to 64");
        }
        return serial;
    }
}
