package io.latchkey.device;

import io.latchkey.access.Access;
import io.latchkey.access.PasswordVerifier;
import io.latchkey.crypto.Ids;
import io.latchkey.crypto.PasswordHasher;
import io.latchkey.lifecycle.JournalRepository;
import io.latchkey.lifecycle.Steps;
import io.latchkey.limits.RateLimiter;
import io.latchkey.notify.Outbox;
import io.latchkey.party.PartyStore;
import io.latchkey.store.Transactions;
import java.net.URI;
import java.time.Clock;

/**
 * The services of devices, made once by {@link io.latchkey.Latchkey} from what they use. Hosts reach them
 * through {@code Latchkey}: the services have no public constructors.
 */
public final class DeviceArea {

    private final DeviceSteps steps;
    private final Claims claims;
    private final Telemetry telemetry;
    private final Owners owners;
    private final Devices devices;

    public DeviceArea(Transactions transactions, DeviceStore store, PartyStore party, JournalRepository journal,
                      Steps steps, Access access, Clock clock, Ids ids, DeviceCatalog catalog, PasswordHasher hasher,
                      PasswordVerifier stepUp, RateLimiter rateLimiter, Outbox outbox, URI publicUrl) {
        DeviceRecords records = new DeviceRecords(store, party, steps, access, clock, ids, catalog, hasher, outbox,
                publicUrl);
        this.steps = new DeviceSteps(transactions, records, stepUp, rateLimiter);
        this.claims = new Claims(transactions, records, rateLimiter);
        this.telemetry = new Telemetry(transactions, records, rateLimiter);
        this.owners = new Owners(transactions, records, telemetry);
        this.devices = new Devices(transactions, records, journal);
    }

    public DeviceSteps steps() {
        return steps;
    }

    public Claims claims() {
        return claims;
    }

    public Telemetry telemetry() {
        return telemetry;
    }

    public Owners owners() {
        return owners;
    }

    public Devices devices() {
        return devices;
    }
}
