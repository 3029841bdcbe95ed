package io.latchkey.device;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Access;
import io.latchkey.access.Actor;
import io.latchkey.access.Holder;
import io.latchkey.access.OrgId;
import io.latchkey.access.Role;
import io.latchkey.crypto.Ids;
import io.latchkey.crypto.PasswordHasher;
import io.latchkey.internal.Checks;
import io.latchkey.internal.Portal;
import io.latchkey.lifecycle.Aggregate;
import io.latchkey.lifecycle.Steps;
import io.latchkey.notify.Language;
import io.latchkey.notify.Notification;
import io.latchkey.notify.Outbox;
import io.latchkey.notify.TemplateRenderer;
import io.latchkey.notify.Templates;
import io.latchkey.party.Member;
import io.latchkey.party.MemberStatus;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.PartyStore;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * The device area's records as its services share them: the stores, the kernel step bound to devices, finding
 * a device as an actor may, its card, and the printed password checked at the same cost whether or not the
 * serial exists.
 */
final class DeviceRecords {

    static final int MAX_LIST = 1000;
    static final int MAX_SERIAL = 64;
    /** Whom a data request is told to: who may fill it in. */
    private static final Set<Role> ANSWERING = Set.of(Role.ADMIN, Role.MANAGER, Role.ENGINEER);
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
    private final Outbox outbox;
    private final URI publicUrl;
    /** Verified when no device matches, so that a wrong serial costs as much as a wrong password. */
    private final String decoy;

    DeviceRecords(DeviceStore store, PartyStore party, Steps steps, Access access, Clock clock, Ids ids,
                  DeviceCatalog catalog, PasswordHasher hasher, Outbox outbox, URI publicUrl) {
        this.store = store;
        this.party = party;
        this.steps = steps;
        this.access = access;
        this.clock = clock;
        this.ids = ids;
        this.catalog = catalog;
        this.hasher = hasher;
        this.outbox = outbox;
        this.publicUrl = publicUrl;
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

    /**
     * Takes a status step: the stages' records and the data request come with it ({@link Stages#moved}); the
     * journal says what the request asks for, and those who answer for the device hear of it.
     */
    Device move(Actor actor, Steps.Step<Device, DeviceStatus> step, Device from, String reason, String detail) {
        Device moved = Stages.moved(from, step.to(), actor.describe(), clock.instant(), reason);
        String asks = moved.dataRequest() == null ? null
                : "asks for " + String.join(", ", moved.dataRequest().fields());
        String both = detail + "; " + asks;
        // A journal reason holds 1,000 characters, as many as a reason typed: the typed one comes first.
        Device taken = step.take((d, to) -> moved, detail == null ? asks : asks == null || both.length() > 1000
                ? detail : both);
        if (taken.dataRequest() != null) {
            requested(taken);
        }
        return taken;
    }

    /**
     * Tells the members who answer for a device (the responsible partner's, or the operator's while there is none)
     * what its new status asks for, in each one's language.
     */
    private void requested(Device device) {
        DataRequest request = device.dataRequest();
        String link = Portal.link(publicUrl, "/devices/" + device.serial());
        for (Member member : party.members().byOrganization(device.visibleTo())) {
            if (member.status() == MemberStatus.ACTIVE && member.hasAnyRole(ANSWERING)) {
                Language language = member.language();
                String fields = request.fields().stream()
                        .map(f -> TemplateRenderer.text("device.field." + f, language))
                        .collect(Collectors.joining(", "));
                outbox.enqueue("device.data-requested/" + device.serial() + "/" + request.openedAt().toEpochMilli()
                        + "/" + member.id(), new Notification(Templates.DEVICE_DATA_REQUESTED, language,
                        member.email(), member.fullName(), Map.of("serial", device.serial(), "model", device.model(),
                        "status", TemplateRenderer.text("device.status." + request.status(), language),
                        "fields", fields, "link", link), List.of()));
            }
        }
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
