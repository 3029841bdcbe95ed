package io.latchkey.device;

import io.latchkey.access.CustomerId;
import io.latchkey.access.OrgId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A device (a heat pump) and what is known about it: its lifecycle status, who is responsible for it, where
 * it stands and who owns it, and what it last reported.
 *
 * @param id                 its id
 * @param serial             its serial number; unique
 * @param model              its model, which names its manual
 * @param passwordHash       Argon2id hash (PHC string) of the password printed on it; never the password
 * @param operator           the operator that made it
 * @param status             its lifecycle status
 * @param responsiblePartner the partner that claimed it or was assigned it; null if none
 * @param country            country of installation (a catalog code); null until given
 * @param region             region of installation (from the catalog); null until given
 * @param objectType         kind of building (from the catalog); null until given
 * @param ownerText          the owner as the partner typed it (free text); may be null
 * @param note               the partner's note; may be null
 * @param owner              the customer who registered it from the app; null before
 * @param ownerNickname      what the owner calls it; shown to the owner only
 * @param sim                the SIM number of its modem, from the app; may be null
 * @param timezone           derived from the region; null until a region is known
 * @param lastDataAt         when the server received its last measurements ("Дата и время получения последних
 *                           данных")
 * @param lastDataReportedAt the device's own time of those measurements: orders its data reports
 * @param lastConnectAt      the device's own time of its last connection
 * @param lastDisconnectAt   the device's own time of its last disconnection
 * @param lastSeenAt         when the server last heard from it (a report other than a disconnection, made after
 *                           its last disconnection); null since a disconnection. Online follows from it
 * @param connectivity       how it last connected; null if unknown
 * @param alarms             the latest state of every alarm code it reported, by code
 * @param facts              what its stages added, one per field, in field order
 * @param dataRequest        the open data request; null when none is open
 * @param autoCommissionedAt when its first connection put it into operation; it happens once at most
 * @param createdAt          when it was registered
 * @param version            optimistic version
 */
public record Device(DeviceId id, String serial, String model, String passwordHash, OrgId operator,
                     DeviceStatus status, OrgId responsiblePartner, String country, String region, String objectType,
                     String ownerText, String note, CustomerId owner, String ownerNickname, String sim, ZoneId timezone,
                     Instant lastDataAt, Instant lastDataReportedAt, Instant lastConnectAt, Instant lastDisconnectAt,
                     Instant lastSeenAt, Connectivity connectivity, List<Alarm> alarms, List<StageFact> facts,
                     DataRequest dataRequest, Instant autoCommissionedAt, Instant createdAt, long version) {

    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        alarms = alarms == null ? List.of()
                : alarms.stream().sorted(Comparator.comparing(Alarm::code)).toList();
        facts = facts == null ? List.of()
                : facts.stream().sorted(Comparator.comparing(StageFact::field)).toList();
    }

    /** The organization whose members see it: the responsible partner, or the operator while there is none. */
    public OrgId visibleTo() {
        return responsiblePartner != null ? responsiblePartner : operator;
    }

    /**
     * Whether it is online at {@code now}: the server heard from it within {@code timeout} and it has not
     * disconnected since. Only the server's clock counts, so a pump whose own clock runs slow stays online.
     */
    public boolean onlineAt(Instant now, Duration timeout) {
        return lastSeenAt != null && now.isBefore(lastSeenAt.plus(timeout));
    }

    /** What its stages recorded of {@code field}, if anything. */
    public Optional<StageFact> fact(StageField field) {
        return facts.stream().filter(f -> f.field() == field).findFirst();
    }

    /** The codes of the alarms raised now. */
    public List<String> activeAlarms() {
        return alarms.stream().filter(Alarm::active).map(Alarm::code).toList();
    }

    /** The same device with another version; for stores. */
    public Device withVersion(long newVersion) {
        return with(d -> d.version = newVersion);
    }

    /** A copy with some fields changed. */
    Device with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return d.build();
    }

    /** The mutable form {@link #with} hands out. */
    static final class Draft {
        DeviceId id;
        String serial;
        String model;
        String passwordHash;
        OrgId operator;
        DeviceStatus status;
        OrgId responsiblePartner;
        String country;
        String region;
        String objectType;
        String ownerText;
        String note;
        CustomerId owner;
        String ownerNickname;
        String sim;
        ZoneId timezone;
        Instant lastDataAt;
        Instant lastDataReportedAt;
        Instant lastConnectAt;
        Instant lastDisconnectAt;
        Instant lastSeenAt;
        Connectivity connectivity;
        List<Alarm> alarms;
        List<StageFact> facts;
        DataRequest dataRequest;
        Instant autoCommissionedAt;
        Instant createdAt;
        long version;

        private Draft(Device d) {
            id = d.id;
            serial = d.serial;
            model = d.model;
            passwordHash = d.passwordHash;
            operator = d.operator;
            status = d.status;
            responsiblePartner = d.responsiblePartner;
            country = d.country;
            region = d.region;
            objectType = d.objectType;
            ownerText = d.ownerText;
            note = d.note;
            owner = d.owner;
            ownerNickname = d.ownerNickname;
            sim = d.sim;
            timezone = d.timezone;
            lastDataAt = d.lastDataAt;
            lastDataReportedAt = d.lastDataReportedAt;
            lastConnectAt = d.lastConnectAt;
            lastDisconnectAt = d.lastDisconnectAt;
            lastSeenAt = d.lastSeenAt;
            connectivity = d.connectivity;
            alarms = new ArrayList<>(d.alarms);
            facts = new ArrayList<>(d.facts);
            dataRequest = d.dataRequest;
            autoCommissionedAt = d.autoCommissionedAt;
            createdAt = d.createdAt;
            version = d.version;
        }

        private Device build() {
            return new Device(id, serial, model, passwordHash, operator, status, responsiblePartner, country, region,
                    objectType, ownerText, note, owner, ownerNickname, sim, timezone, lastDataAt, lastDataReportedAt,
                    lastConnectAt, lastDisconnectAt, lastSeenAt, connectivity, alarms, facts, dataRequest,
                    autoCommissionedAt, createdAt, version);
        }
    }

    /** A device as registered at the factory. */
    static Device created(DeviceId id, String serial, String model, String passwordHash, OrgId operator,
                          Instant now) {
        return new Device(id, serial, model, passwordHash, operator, DeviceStatus.CREATED, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, List.of(), List.of(), null,
                null, now, 0);
    }

    /** Without the password hash. */
    @Override
    public String toString() {
        return "Device[" + serial + ", " + model + ", " + status + ", partner " + responsiblePartner + "]";
    }
}
