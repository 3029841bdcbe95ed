package io.latchkey.device;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.CustomerId;
import io.latchkey.internal.Actors;
import io.latchkey.internal.Checks;
import io.latchkey.party.Customer;
import io.latchkey.party.PhoneNumber;
import io.latchkey.store.Transactions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Device owners register from the mobile app, with the password printed on the device: the customer is found
 * by phone or created, and becomes the owner; the region gives the device's time zone.
 *
 * <p>Thread-safe.
 */
public final class Owners {

    private static final Pattern SIM = Pattern.compile("[0-9]{6,22}");

    private final Transactions transactions;
    private final DeviceRecords records;
    private final Telemetry telemetry;

    Owners(Transactions transactions, DeviceRecords records, Telemetry telemetry) {
        this.transactions = transactions;
        this.records = records;
        this.telemetry = telemetry;
    }

    /**
     * The outcome of an owner's registration: the owner's card, and a session for the customer if it was
     * created by this registration (a customer already known by the phone must prove the phone first).
     */
    public record OwnerRegistered(Optional<Actor> newOwner, DeviceCard card) {
    }

    /**
     * The owner registers a device from the mobile app with the password printed on it. An e-mail given (with a
     * feedback message) is attached to the customer, a known one too, unless it has one already: only the
     * customer itself changes it ({@link io.latchkey.party.Accounts#attachEmail}).
     */
    public OwnerRegistered registerOwner(String serial, char[] devicePassword, OwnerRegistration registration,
                                         String source) {
        String normalized = DeviceRecords.serial(serial);
        PhoneNumber phone = PhoneNumber.parse("phone", registration.phone());
        String sim = Checks.required("sim", registration.sim()).replaceAll("\\s", "");
        if (!SIM.matcher(sim).matches()) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "sim", "sim", "6 to 22 digits");
        }
        String country = records.catalog.country("country", registration.country());
        ZoneId zone = records.catalog.zoneOf(country, "region", registration.region());
        String nickname = Checks.optional("nickname", registration.nickname(), 100);
        String email = registration.email() == null || registration.email().isBlank() ? null
                : Checks.email("email", registration.email());
        Actor app = telemetry.authenticateDevice(normalized, devicePassword, source);
        return transactions.inTransaction(() -> {
            Device device = records.found(app, normalized);
            var register = records.steps.check(app, records.devices, device, DeviceEvent.REGISTER_OWNER);
            Instant now = records.clock.instant();
            Optional<Customer> known = records.party.customers().findByPhone(phone);
            if (device.owner() != null && !known.map(Customer::id).equals(Optional.of(device.owner()))) {
                throw LatchkeyException.of(ErrorCode.DEVICE_HAS_OWNER, normalized);
            }
            Customer customer = known.orElseGet(() -> {
                Customer created = new Customer(new CustomerId(records.ids.next()), phone, email, now, 0);
                records.party.customers().insert(created);
                return created;
            });
            if (email != null && customer.email() == null) {
                // Attached to a known customer too; never replacing one, since a phone number proves nothing.
                records.party.customers().update(customer.withEmail(email));
            }
            CustomerId owner = customer.id();
            Device updated = register.take((d, to) -> Stages.filled(d.with(x -> {
                x.owner = owner;
                x.ownerNickname = nickname;
                x.sim = sim;
                x.country = country;
                x.region = registration.region().strip();
                x.timezone = zone;
            })), owner.toString());
            Actor ownerActor = Actors.customer(owner);
            // A phone number proves nothing: only a customer made just now gets a session; a known one signs
            // in by the host's own proof of the phone (a one-time code) before it sees its devices.
            return new OwnerRegistered(known.isEmpty() ? Optional.of(ownerActor) : Optional.empty(),
                    records.card(ownerActor, updated));
        });
    }

    /** The owner renames its device in the app, without registering again; the name is the owner's only. */
    public DeviceCard rename(Actor owner, String serial, String nickname) {
        String name = Checks.optional("nickname", nickname, 100);
        return transactions.inTransaction(() -> {
            Device device = records.found(owner, serial);
            return records.card(owner, records.steps.take(owner, records.devices, device, DeviceEvent.RENAME,
                    (d, to) -> d.with(x -> x.ownerNickname = name), null));
        });
    }
}
