package io.latchkey.device;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.Holder;
import io.latchkey.access.OrgId;
import io.latchkey.access.Permission;
import io.latchkey.internal.Checks;
import io.latchkey.limits.Attempt;
import io.latchkey.limits.Limit;
import io.latchkey.limits.RateLimiter;
import io.latchkey.store.Transactions;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Certified partners take responsibility for devices: a claim with the password printed on the device, then
 * where it stands and for whom. Wrong passwords are counted and rate-limited; a claimed device cannot be
 * claimed by another partner.
 *
 * <p>Thread-safe.
 */
public final class Claims {

    private final Transactions transactions;
    private final DeviceRecords records;
    private final RateLimiter rateLimiter;

    Claims(Transactions transactions, DeviceRecords records, RateLimiter rateLimiter) {
        this.transactions = transactions;
        this.records = records;
        this.rateLimiter = rateLimiter;
    }

    /**
     * A certified partner claims a device with the password printed on it and becomes responsible for it.
     * Attempts are counted per acting member ({@link Limit#DEVICE_CLAIM}) and loosely per partner
     * ({@link Limit#DEVICE_CLAIM_PARTNER}), apart from the device's own sign-in, which a failed claim never locks.
     */
    public DeviceCard claim(Actor actor, String serial, OrgId partnerId, char[] devicePassword) {
        String normalized = DeviceRecords.serial(serial);
        OrgId partner = Checks.required("partnerId", partnerId);
        Attempt attempt = rateLimiter.attempt(Limit.DEVICE_CLAIM, actor.subject(), Limit.DEVICE_CLAIM_PARTNER,
                partner.toString());
        DeviceCard card = claimed(actor, normalized, partner, devicePassword);
        attempt.uncount();
        return card;
    }

    private DeviceCard claimed(Actor actor, String normalized, OrgId partner, char[] devicePassword) {
        return transactions.inTransaction(() -> {
            records.access.require(actor, Permission.DEVICE_CLAIM, partner,
                    ErrorCode.ORGANIZATION_NOT_FOUND, partner);
            records.partner(partner);
            Optional<Device> found = records.store.devices().findBySerial(normalized);
            if (!records.passwordMatches(found, devicePassword)) {
                // An unknown serial is refused like a wrong password: claims must not reveal which serials exist.
                throw LatchkeyException.ofField(ErrorCode.DEVICE_PASSWORD_WRONG, "devicePassword");
            }
            Device device = found.get();
            if (device.responsiblePartner() != null && !device.responsiblePartner().equals(partner)) {
                throw LatchkeyException.of(ErrorCode.DEVICE_ALREADY_CLAIMED, normalized);
            }
            if (partner.equals(device.responsiblePartner())) {
                return records.card(actor, device);
            }
            return records.card(actor, records.steps.checkOver(actor, Holder.of(partner), records.devices, device,
                    DeviceEvent.CLAIM).take((d, to) -> Stages.taken(d.with(x -> x.responsiblePartner = partner),
                            actor.describe(), records.clock.instant()), partner.toString()));
        });
    }

    /**
     * Fills in where a device stands and for whom; the time zone follows from the region, and what it gives is
     * struck off the open data request.
     */
    public DeviceCard updateDetails(Actor actor, String serial, DeviceDetails typed) {
        DeviceDetails details = Checks.required("details", typed);
        String country = records.catalog.country("country", details.country());
        ZoneId zone = records.catalog.zoneOf(country, "region", details.region());
        String objectType = records.catalog.objectType("objectType", details.objectType());
        String owner = Checks.optional("owner", details.owner(), 200);
        String note = Checks.text("note", details.note(), 1000);
        return transactions.inTransaction(() -> {
            Device device = records.found(actor, serial);
            return records.card(actor, records.steps.checkOver(actor, DeviceRecords.viewer(device), records.devices,
                    device, DeviceEvent.EDIT_DETAILS).take((d, to) -> Stages.filled(d.with(x -> {
                        x.country = country;
                        x.region = details.region().strip();
                        x.timezone = zone;
                        x.objectType = objectType;
                        x.ownerText = owner;
                        x.note = note;
                    })), null));
        });
    }
}
