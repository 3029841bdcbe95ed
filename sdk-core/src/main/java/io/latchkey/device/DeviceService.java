package io.latchkey.device;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.PasswordVerifier;
import io.latchkey.access.Permission;
import io.latchkey.crypto.PasswordHasher;
import io.latchkey.internal.Checks;
import io.latchkey.internal.Kernel;
import io.latchkey.lifecycle.Transition;
import io.latchkey.party.Customer;
import io.latchkey.party.CustomerId;
import io.latchkey.party.OrgId;
import io.latchkey.party.OrgKind;
import io.latchkey.party.Organization;
import io.latchkey.party.PhoneNumber;
import io.latchkey.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The commands of devices (heat pumps): registration at the factory, the status steps with the engineer's
 * password asked again, claims by partners with the password printed on the device, details, owner
 * registration from the app, and what devices report. Every command takes the acting {@link Actor} first.
 *
 * <p>Thread-safe.
 */
public final class DeviceService {

    private static final Pattern SERIAL = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,63}");
    private static final Pattern SIM = Pattern.compile("[0-9]{6,22}");
    private static final int MAX_LIST = 1000;

    private final Kernel kernel;
    private final Store store;
    private final DeviceCatalog catalog;
    private final PasswordHasher hasher;
    private final PasswordVerifier stepUp;
    /** Verified when no device matches, so that a wrong serial costs as much as a wrong password. */
    private final String decoy;

    public DeviceService(Kernel kernel, DeviceCatalog catalog, PasswordHasher hasher, PasswordVerifier stepUp) {
        this.kernel = kernel;
        this.store = kernel.store();
        this.catalog = catalog;
        this.hasher = hasher;
        this.stepUp = stepUp;
        this.decoy = hasher.hash("no device has this password".toCharArray());
    }

    /**
     * The outcome of an owner's registration: the owner's card, and a session for the customer if it was
     * created by this registration (a customer already known by the phone must prove the phone first).
     */
    public record OwnerRegistered(Optional<Actor> newOwner, DeviceCard card) {
    }

    // --- the factory and the service -------------------------------------------------------------------------

    /** Registers a new device of the actor's operator; the printed password is kept only as an Argon2id hash. */
    public DeviceCard create(Actor actor, String serial, String model, char[] password) {
        String normalized = serial(serial);
        String checkedModel = Checks.maxLength("model", Checks.required("model", model), 100);
        if (password == null || password.length < 4 || password.length > 128) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "password", "password", "4 to 128 characters");
        }
        String hash = hasher.hash(password);
        return store.inTransaction(() -> {
            OrgId operator = operatorOf(actor);
            kernel.access().require(actor, Permission.DEVICE_CREATE, operator, ErrorCode.ORGANIZATION_NOT_FOUND,
                    operator);
            Device device = Device.created(new DeviceId(kernel.ids().next()), normalized, checkedModel, hash, operator,
                    kernel.clock().instant());
            store.devices().insert(device);
            kernel.journal().created(actor, DeviceLifecycle.AGGREGATE, normalized, device.status(), checkedModel);
            return card(actor, device);
        });
    }

    /** The "next status" button, confirmed with the acting engineer's own password. */
    public DeviceCard advance(Actor actor, String serial, char[] actorPassword) {
        return byHand(actor, serial, DeviceEvent.ADVANCE, actorPassword, null);
    }

    /** Puts a released or shipped device into operation by hand, confirmed with the engineer's password. */
    public DeviceCard commission(Actor actor, String serial, char[] actorPassword) {
        return byHand(actor, serial, DeviceEvent.COMMISSION, actorPassword, null);
    }

    /** Takes a device out of service for good, confirmed with the acting member's password. */
    public DeviceCard decommission(Actor actor, String serial, char[] actorPassword, String reason) {
        return byHand(actor, serial, DeviceEvent.DECOMMISSION, actorPassword, reason);
    }

    /** Sets any status by hand: for an ADMIN only, with a reason for the journal. */
    public DeviceCard setStatus(Actor actor, String serial, DeviceStatus status, String reason) {
        DeviceStatus target = Checks.required("status", status);
        String why = Checks.maxLength("reason", Checks.required("reason", reason), 1000);
        return store.inTransaction(() -> {
            Device device = visible(actor, serial);
            kernel.access().requireOnVisible(actor, Permission.DEVICE_SET_STATUS, device.operator());
            Device updated = store.devices().update(device.with(d -> d.status = target));
            kernel.journal().recordEvent(actor, DeviceLifecycle.AGGREGATE, device.serial(), "SET_STATUS",
                    device.status(), target, why);
            return card(actor, updated);
        });
    }

    /** Makes a partner responsible for a device (a service engineer, when the installer could not claim it). */
    public DeviceCard assignPartner(Actor actor, String serial, OrgId partnerId) {
        return store.inTransaction(() -> {
            Device device = visible(actor, serial);
            kernel.access().requireOnVisible(actor, Permission.DEVICE_ASSIGN, device.operator());
            Organization partner = partner(Checks.required("partnerId", partnerId));
            Device updated = store.devices().update(device.with(d -> d.responsiblePartner = partner.id()));
            kernel.journal().recordEvent(actor, DeviceLifecycle.AGGREGATE, device.serial(), "ASSIGN", device.status(),
                    device.status(), partner.id().toString());
            return card(actor, updated);
        });
    }

    // --- partners --------------------------------------------------------------------------------------------

    /**
     * A certified partner claims a device with the password printed on it and becomes responsible for it.
     * Wrong passwords and unknown serials are counted per device and per partner, and rate-limited.
     */
    public DeviceCard claim(Actor actor, String serial, OrgId partnerId, char[] devicePassword) {
        String normalized = serial(serial);
        OrgId partner = Checks.required("partnerId", partnerId);
        String byDevice = "device-password/device:" + normalized;
        String byPartner = "device-password/partner:" + partner;
        kernel.rateLimiter().check(byDevice);
        kernel.rateLimiter().check(byPartner);
        return store.inTransaction(() -> {
            kernel.access().require(actor, Permission.DEVICE_CLAIM, partner, ErrorCode.ORGANIZATION_NOT_FOUND, partner);
            partner(partner);
            Optional<Device> found = store.devices().findBySerial(normalized);
            if (!passwordMatches(found, devicePassword)) {
                kernel.rateLimiter().recordFailure(byDevice);
                kernel.rateLimiter().recordFailure(byPartner);
                // An unknown serial is refused like a wrong password: claims must not reveal which serials exist.
                throw LatchkeyException.ofField(ErrorCode.DEVICE_PASSWORD_WRONG, "devicePassword");
            }
            Device device = found.get();
            if (device.responsiblePartner() != null && !device.responsiblePartner().equals(partner)) {
                throw LatchkeyException.of(ErrorCode.DEVICE_ALREADY_CLAIMED, normalized);
            }
            kernel.rateLimiter().reset(byDevice);
            if (partner.equals(device.responsiblePartner())) {
                return card(actor, device);
            }
            Device claimed = store.devices().update(device.with(d -> d.responsiblePartner = partner));
            kernel.journal().recordEvent(actor, DeviceLifecycle.AGGREGATE, normalized, "CLAIM", device.status(),
                    device.status(), partner.toString());
            return card(actor, claimed);
        });
    }

    /** Fills in where a device stands and for whom; the time zone follows from the region. */
    public DeviceCard updateDetails(Actor actor, String serial, DeviceDetails typed) {
        DeviceDetails details = Checks.required("details", typed);
        String country = catalog.country("country", details.country());
        var zone = catalog.zoneOf(country, "region", details.region());
        String objectType = catalog.objectType("objectType", details.objectType());
        String owner = Checks.optional("owner", details.owner(), 200);
        String note = Checks.optional("note", details.note(), 1000);
        return store.inTransaction(() -> {
            Device device = visible(actor, serial);
            kernel.access().require(actor, Permission.DEVICE_EDIT, device.visibleTo(), ErrorCode.DEVICE_NOT_FOUND,
                    device.serial());
            Device updated = store.devices().update(device.with(d -> {
                d.country = country;
                d.region = details.region().strip();
                d.timezone = zone;
                d.objectType = objectType;
                d.ownerText = owner;
                d.note = note;
            }));
            return card(actor, updated);
        });
    }

    // --- the device and its owner ----------------------------------------------------------------------------

    /**
     * Checks a device's serial and printed password (HTTP Basic from the device, say) and returns its actor.
     * Failures are rate-limited per device and per source. Argon2id is slow on purpose: hosts should keep the
     * actor for the session rather than check on every report.
     */
    public Actor authenticateDevice(String serial, char[] password, String source) {
        String normalized = serial(serial);
        String byDevice = "device-password/device:" + normalized;
        String bySource = "device-password/source:" + source;
        kernel.rateLimiter().check(byDevice);
        kernel.rateLimiter().check(bySource);
        Optional<Device> device = store.inTransaction(() -> store.devices().findBySerial(normalized));
        if (!passwordMatches(device, password)) {
            kernel.rateLimiter().recordFailure(byDevice);
            kernel.rateLimiter().recordFailure(bySource);
            throw LatchkeyException.of(ErrorCode.DEVICE_PASSWORD_WRONG);
        }
        return Actor.device(normalized);
    }

    /**
     * What a device reports. Reports older than what is stored are ignored; timestamps ahead of the clock
     * count as now (device clocks drift). The first connection after release puts the device into operation,
     * once in its life.
     */
    public DeviceCard report(Actor actor, String serial, DeviceReport report) {
        ReportType type = Checks.required("type", report.type());
        Instant reported = Checks.required("at", report.at());
        String code = type == ReportType.ALARM || type == ReportType.ALARM_CLEARED
                ? Checks.maxLength("code", Checks.required("code", report.code()), 64) : null;
        return store.inTransaction(() -> {
            Device device = reporting(actor, serial);
            Instant now = kernel.clock().instant();
            Instant at = reported.isAfter(now) ? now : reported;
            Device updated = device.with(d -> {
                switch (type) {
                    case CONNECT -> {
                        d.lastConnectAt = later(d.lastConnectAt, at);
                        if (report.connectivity() != null && at.equals(d.lastConnectAt)) {
                            d.connectivity = report.connectivity();
                        }
                    }
                    case DISCONNECT -> d.lastDisconnectAt = later(d.lastDisconnectAt, at);
                    case DATA -> d.lastDataAt = later(d.lastDataAt, at);
                    case ALARM, ALARM_CLEARED -> {
                        boolean raised = type == ReportType.ALARM;
                        Optional<Alarm> known = d.alarms.stream().filter(a -> a.code().equals(code)).findFirst();
                        if (known.isEmpty() || at.isAfter(known.get().at())) {
                            d.alarms.removeIf(a -> a.code().equals(code));
                            d.alarms.add(new Alarm(code, raised, at));
                        }
                    }
                }
                if (type != ReportType.DISCONNECT) {
                    d.lastSeenAt = later(d.lastSeenAt, at);
                }
            });
            Optional<Transition<DeviceStatus, DeviceEvent>> firstConnect = type == ReportType.CONNECT
                    && device.autoCommissionedAt() == null
                    ? DeviceLifecycle.TABLE.find(device.status(), DeviceEvent.FIRST_CONNECT) : Optional.empty();
            if (firstConnect.isPresent()) {
                updated = updated.with(d -> {
                    d.status = firstConnect.get().to();
                    d.autoCommissionedAt = now;
                });
                kernel.journal().record(actor, DeviceLifecycle.AGGREGATE, device.serial(), firstConnect.get(),
                        "connected at " + at);
            }
            return updated.equals(device) ? card(actor, device) : card(actor, store.devices().update(updated));
        });
    }

    /**
     * The owner registers a device from the mobile app with the password printed on it: the customer is found
     * by phone or created and becomes the owner; the region gives the time zone.
     */
    public OwnerRegistered registerOwner(String serial, char[] devicePassword, OwnerRegistration registration,
                                         String source) {
        String normalized = serial(serial);
        PhoneNumber phone = PhoneNumber.parse("phone", registration.phone());
        String sim = Checks.required("sim", registration.sim()).replaceAll("\\s", "");
        if (!SIM.matcher(sim).matches()) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "sim", "sim", "6 to 22 digits");
        }
        String country = catalog.country("country", registration.country());
        var zone = catalog.zoneOf(country, "region", registration.region());
        String nickname = Checks.optional("nickname", registration.nickname(), 100);
        String email = registration.email() == null || registration.email().isBlank() ? null
                : Checks.email("email", registration.email());
        Actor app = authenticateDevice(normalized, devicePassword, source);
        return store.inTransaction(() -> {
            Device device = reporting(app, normalized);
            Instant now = kernel.clock().instant();
            Optional<Customer> known = store.customers().findByPhone(phone);
            if (device.owner() != null && !known.map(Customer::id).equals(Optional.of(device.owner()))) {
                throw LatchkeyException.of(ErrorCode.DEVICE_HAS_OWNER, normalized);
            }
            Customer customer = known.orElseGet(() -> {
                Customer created = new Customer(new CustomerId(kernel.ids().next()), phone, email, now, 0);
                store.customers().insert(created);
                return created;
            });
            CustomerId owner = customer.id();
            Device updated = store.devices().update(device.with(d -> {
                d.owner = owner;
                d.ownerNickname = nickname;
                d.sim = sim;
                d.country = country;
                d.region = registration.region().strip();
                d.timezone = zone;
            }));
            kernel.journal().recordEvent(app, DeviceLifecycle.AGGREGATE, normalized, "REGISTER_OWNER",
                    device.status(), device.status(), owner.toString());
            Actor ownerActor = Actor.customer(owner);
            // A phone number proves nothing: only a customer made just now gets a session; a known one signs
            // in by the host's own proof of the phone (a one-time code) before it sees its devices.
            return new OwnerRegistered(known.isEmpty() ? Optional.of(ownerActor) : Optional.empty(),
                    card(ownerActor, updated));
        });
    }

    // --- reading ---------------------------------------------------------------------------------------------

    /** The card of a device the actor sees (its owner sees its own, with the nickname). */
    public DeviceCard card(Actor actor, String serial) {
        return store.inTransaction(() -> card(actor, visible(actor, serial)));
    }

    /** The journal of a device, oldest first. */
    public List<io.latchkey.lifecycle.JournalEntry> history(Actor actor, String serial) {
        return store.inTransaction(() -> {
            Device device = visible(actor, serial);
            return store.journal().history(DeviceLifecycle.AGGREGATE, device.serial());
        });
    }

    /**
     * Devices by serial, status, responsible partner and owner phone, as the actor may see them: the operator's
     * members all of them, a partner's members those it is responsible for, an owner its own.
     */
    public List<DeviceCard> search(Actor actor, String serialContains, DeviceStatus status, OrgId partner,
                                   String ownerPhone, String afterSerial, int limit) {
        return store.inTransaction(() -> {
            CustomerId owner = null;
            if (ownerPhone != null && !ownerPhone.isBlank()) {
                Optional<Customer> found = store.customers().findByPhone(PhoneNumber.parse("ownerPhone", ownerPhone));
                if (found.isEmpty()) {
                    return List.<DeviceCard>of();
                }
                owner = found.get().id();
            }
            OrgId scope = partner;
            if (actor.kind() == Actor.Kind.CUSTOMER) {
                CustomerId self = CustomerId.parse(actor.subject());
                if (owner != null && !owner.equals(self)) {
                    return List.<DeviceCard>of();
                }
                owner = self;
            } else if (actor.kind() == Actor.Kind.DEVICE || actor.kind() == Actor.Kind.ANONYMOUS) {
                throw LatchkeyException.of(ErrorCode.PERMISSION_DENIED, Permission.VIEW.name());
            } else if (!actor.isSystem()) {
                OrgId own = actor.organization();
                boolean operator = store.organizations().find(own).map(o -> o.kind() == OrgKind.OPERATOR).orElse(false);
                if (scope != null) {
                    kernel.access().require(actor, Permission.VIEW, scope, ErrorCode.ORGANIZATION_NOT_FOUND, scope);
                } else if (!operator) {
                    scope = own;
                }
            }
            String text = serialContains == null || serialContains.isBlank() ? null
                    : serialContains.strip().toUpperCase(Locale.ROOT);
            List<DeviceCard> cards = new ArrayList<>();
            for (Device d : store.devices().search(new DeviceSearch(text, status, scope, owner,
                    afterSerial, Checks.pageSize(limit, MAX_LIST)))) {
                cards.add(card(actor, d));
            }
            return cards;
        });
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private DeviceCard byHand(Actor actor, String serial, DeviceEvent event, char[] actorPassword, String reason) {
        String why = Checks.optional("reason", reason, 1000);
        return store.inTransaction(() -> {
            Device device = visible(actor, serial);
            Transition<DeviceStatus, DeviceEvent> step = DeviceLifecycle.TABLE.require(device.status(), event);
            kernel.access().requireOnVisible(actor, step.permission(), device.operator());
            confirm(actor, actorPassword);
            for (DeviceLifecycle.Requirement requirement : DeviceLifecycle.REQUIRED_BY_HAND) {
                if (requirement.from().contains(step.from()) && requirement.to() == step.to()) {
                    for (String field : requirement.fields()) {
                        if (missingFields(device).contains(field)) {
                            throw LatchkeyException.ofField(ErrorCode.DEVICE_DETAILS_MISSING, field, field, step.to());
                        }
                    }
                }
            }
            Device updated = store.devices().update(device.with(d -> d.status = step.to()));
            kernel.journal().record(actor, DeviceLifecycle.AGGREGATE, device.serial(), step, why);
            return card(actor, updated);
        });
    }

    /** Step-up: the acting member's own password, checked by the host's verifier, rate-limited per member. */
    private void confirm(Actor actor, char[] password) {
        String member = actor.memberId().map(Object::toString).orElseThrow(
                () -> LatchkeyException.of(ErrorCode.PERMISSION_DENIED, "a step without a member"));
        String key = "step-up/member:" + member;
        kernel.rateLimiter().check(key);
        if (password == null || !stepUp.verify(actor.memberId().get(), password)) {
            kernel.rateLimiter().recordFailure(key);
            throw LatchkeyException.ofField(ErrorCode.STEP_UP_FAILED, "password");
        }
        kernel.rateLimiter().reset(key);
    }

    /** Whether the device exists and the password is its own; as slow when it does not exist. */
    private boolean passwordMatches(Optional<Device> device, char[] password) {
        boolean matches = password != null && hasher.verify(password, device.map(Device::passwordHash).orElse(decoy));
        return matches && device.isPresent();
    }

    /** The device an actor sees: members by tenancy, a customer its own, a device itself. */
    private Device visible(Actor actor, String serial) {
        String normalized = serial(serial);
        Optional<Device> device = store.devices().findBySerial(normalized);
        boolean sees = device.isPresent() && switch (actor.kind()) {
            case SYSTEM -> true;
            case MEMBER -> kernel.access().sees(actor, device.get().visibleTo())
                    || kernel.access().sees(actor, device.get().operator());
            case CUSTOMER -> device.get().owner() != null && device.get().owner().toString().equals(actor.subject());
            case DEVICE -> device.get().serial().equals(actor.subject());
            case ANONYMOUS -> false;
        };
        if (!sees) {
            throw LatchkeyException.of(ErrorCode.DEVICE_NOT_FOUND, normalized);
        }
        return device.get();
    }

    /** The device reporting about itself (or the operator's staff or the system on its behalf). */
    private Device reporting(Actor actor, String serial) {
        Device device = visible(actor, serial);
        if (actor.kind() == Actor.Kind.MEMBER && !kernel.access().sees(actor, device.operator())) {
            throw LatchkeyException.of(ErrorCode.PERMISSION_DENIED, Permission.DEVICE_REPORT.name());
        }
        if (actor.kind() == Actor.Kind.CUSTOMER) {
            throw LatchkeyException.of(ErrorCode.PERMISSION_DENIED, Permission.DEVICE_REPORT.name());
        }
        return device;
    }

    private DeviceCard card(Actor viewer, Device device) {
        boolean owner = viewer.kind() == Actor.Kind.CUSTOMER && device.owner() != null
                && device.owner().toString().equals(viewer.subject());
        Device shown = device.with(d -> {
            d.passwordHash = "";
            if (!owner) {
                d.ownerNickname = null;
            }
        });
        return new DeviceCard(shown, device.onlineAt(kernel.clock().instant(), catalog.onlineTimeout()),
                device.activeAlarms(), missingFields(device), catalog.manual(device.model()));
    }

    /** The details a partner must give that the device does not have yet. */
    private static List<String> missingFields(Device device) {
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

    private OrgId operatorOf(Actor actor) {
        OrgId own = actor.organization();
        Organization operator = store.organizations().findOperator()
                .orElseThrow(() -> LatchkeyException.of(ErrorCode.ORGANIZATION_NOT_FOUND, "operator"));
        if (own == null || !own.equals(operator.id())) {
            throw LatchkeyException.of(ErrorCode.PERMISSION_DENIED, Permission.DEVICE_CREATE.name());
        }
        return operator.id();
    }

    private Organization partner(OrgId id) {
        Organization organization = store.organizations().find(id)
                .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.ORGANIZATION_NOT_FOUND, "partnerId", id));
        if (organization.kind() != OrgKind.PARTNER) {
            throw LatchkeyException.ofField(ErrorCode.NOT_A_PARTNER, "partnerId", id);
        }
        return organization;
    }

    private static String serial(String value) {
        String serial = Checks.required("serial", value).toUpperCase(Locale.ROOT);
        if (!SERIAL.matcher(serial).matches()) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "serial", "serial",
                    "letters, digits and dashes, up to 64");
        }
        return serial;
    }

    private static Instant later(Instant stored, Instant reported) {
        return stored == null || reported.isAfter(stored) ? reported : stored;
    }
}
