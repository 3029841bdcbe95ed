package io.latchkey.jdbc;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.device.Alarm;
import io.latchkey.device.Connectivity;
import io.latchkey.device.Device;
import io.latchkey.device.DeviceId;
import io.latchkey.device.DeviceRepository;
import io.latchkey.device.DeviceSearch;
import io.latchkey.device.DeviceStatus;
import io.latchkey.access.CustomerId;
import io.latchkey.access.OrgId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/** Devices in the {@code device} table; alarms are one text column of "code active epochMicros" lines. */
final class JdbiDeviceRepository implements DeviceRepository {

    private static final String COLUMNS = "id, serial, model, password_hash, operator_id, status, responsible_partner, "
            + "country, region, object_type, owner_text, note, owner_id, owner_nickname, sim, timezone, last_data_at, "
            + "last_connect_at, last_disconnect_at, last_seen_at, connectivity, alarms, auto_commissioned_at, "
            + "created_at, version";

    private final Supplier<Handle> handle;

    JdbiDeviceRepository(Supplier<Handle> handle) {
        this.handle = handle;
    }

    @Override
    public void insert(Device d) {
        Update insert = handle.get().createUpdate("INSERT INTO device (" + COLUMNS + ") VALUES (:id, :serial, :model, "
                + ":passwordHash, :operator, :status, :partner, :country, :region, :objectType, :ownerText, :note, "
                + ":owner, :nickname, :sim, :timezone, :lastData, :lastConnect, :lastDisconnect, :lastSeen, "
                + ":connectivity, :alarms, :autoCommissioned, :createdAt, :version)");
        Sql.execute(bind(insert, d), Map.of("device_serial_unique",
                () -> LatchkeyException.ofField(ErrorCode.DEVICE_SERIAL_TAKEN, "serial", d.serial())));
    }

    @Override
    public Device update(Device d) {
        Update update = handle.get().createUpdate("UPDATE device SET serial = :serial, model = :model, "
                + "password_hash = :passwordHash, operator_id = :operator, status = :status, "
                + "responsible_partner = :partner, country = :country, region = :region, object_type = :objectType, "
                + "owner_text = :ownerText, note = :note, owner_id = :owner, owner_nickname = :nickname, sim = :sim, "
                + "timezone = :timezone, last_data_at = :lastData, last_connect_at = :lastConnect, "
                + "last_disconnect_at = :lastDisconnect, last_seen_at = :lastSeen, connectivity = :connectivity, "
                + "alarms = :alarms, auto_commissioned_at = :autoCommissioned, created_at = :createdAt, "
                + "version = version + 1 WHERE id = :id AND version = :version");
        Sql.updateVersioned(bind(update, d), "device", d.serial());
        return d.withVersion(d.version() + 1);
    }

    private static Update bind(Update update, Device d) {
        return update.bind("id", Sql.uuid(d.id().value()))
                .bind("serial", d.serial())
                .bind("model", d.model())
                .bind("passwordHash", d.passwordHash())
                .bind("operator", Sql.uuid(d.operator().value()))
                .bind("status", d.status().name())
                .bind("partner", Sql.uuid(d.responsiblePartner() == null ? null : d.responsiblePartner().value()))
                .bind("country", Sql.text(d.country()))
                .bind("region", Sql.text(d.region()))
                .bind("objectType", Sql.text(d.objectType()))
                .bind("ownerText", Sql.text(d.ownerText()))
                .bind("note", Sql.text(d.note()))
                .bind("owner", Sql.uuid(d.owner() == null ? null : d.owner().value()))
                .bind("nickname", Sql.text(d.ownerNickname()))
                .bind("sim", Sql.text(d.sim()))
                .bind("timezone", Sql.text(d.timezone() == null ? null : d.timezone().getId()))
                .bind("lastData", Sql.instant(d.lastDataAt()))
                .bind("lastConnect", Sql.instant(d.lastConnectAt()))
                .bind("lastDisconnect", Sql.instant(d.lastDisconnectAt()))
                .bind("lastSeen", Sql.instant(d.lastSeenAt()))
                .bind("connectivity", Sql.text(d.connectivity() == null ? null : d.connectivity().name()))
                .bind("alarms", d.alarms().stream().map(a -> a.code() + " " + a.active() + " "
                        + ChronoUnit.MICROS.between(Instant.EPOCH, a.at())).collect(Collectors.joining("\n")))
                .bind("autoCommissioned", Sql.instant(d.autoCommissionedAt()))
                .bind("createdAt", Sql.instant(d.createdAt()))
                .bind("version", d.version());
    }

    @Override
    public Optional<Device> find(DeviceId id) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM device WHERE id = :id")
                .bind("id", Sql.uuid(id.value())).map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public Optional<Device> findBySerial(String serial) {
        return handle.get().createQuery("SELECT " + COLUMNS + " FROM device WHERE serial = :serial")
                .bind("serial", serial).map((rs, ctx) -> read(rs)).findOne();
    }

    @Override
    public List<Device> search(DeviceSearch q) {
        List<String> where = new ArrayList<>();
        if (q.serialContains() != null) {
            where.add("serial LIKE :serialLike ESCAPE '\\'");
        }
        if (q.status() != null) {
            where.add("status = :status");
        }
        if (q.partner() != null) {
            where.add("responsible_partner = :partner");
        }
        if (q.owner() != null) {
            where.add("owner_id = :owner");
        }
        if (q.afterSerial() != null) {
            where.add("serial > :after");
        }
        Query query = handle.get().createQuery("SELECT " + COLUMNS + " FROM device"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY serial LIMIT :limit");
        if (q.serialContains() != null) {
            query.bind("serialLike", Sql.containing(q.serialContains()));
        }
        if (q.status() != null) {
            query.bind("status", q.status().name());
        }
        if (q.partner() != null) {
            query.bind("partner", Sql.uuid(q.partner().value()));
        }
        if (q.owner() != null) {
            query.bind("owner", Sql.uuid(q.owner().value()));
        }
        if (q.afterSerial() != null) {
            query.bind("after", q.afterSerial());
        }
        return query.bind("limit", q.limit()).map((rs, ctx) -> read(rs)).list();
    }

    private static Device read(ResultSet rs) throws SQLException {
        UUID partner = Sql.uuid(rs, "responsible_partner");
        UUID owner = Sql.uuid(rs, "owner_id");
        String timezone = rs.getString("timezone");
        String connectivity = rs.getString("connectivity");
        List<Alarm> alarms = new ArrayList<>();
        for (String line : rs.getString("alarms").split("\n")) {
            if (!line.isEmpty()) {
                String[] parts = line.split(" ");
                alarms.add(new Alarm(parts[0], Boolean.parseBoolean(parts[1]),
                        Instant.EPOCH.plus(Long.parseLong(parts[2]), ChronoUnit.MICROS)));
            }
        }
        return new Device(new DeviceId(Sql.uuid(rs, "id")), rs.getString("serial"), rs.getString("model"),
                rs.getString("password_hash"), new OrgId(Sql.uuid(rs, "operator_id")),
                DeviceStatus.valueOf(rs.getString("status")), partner == null ? null : new OrgId(partner),
                rs.getString("country"), rs.getString("region"), rs.getString("object_type"),
                rs.getString("owner_text"), rs.getString("note"), owner == null ? null : new CustomerId(owner),
                rs.getString("owner_nickname"), rs.getString("sim"), timezone == null ? null : ZoneId.of(timezone),
                Sql.instant(rs, "last_data_at"), Sql.instant(rs, "last_connect_at"),
                Sql.instant(rs, "last_disconnect_at"), Sql.instant(rs, "last_seen_at"),
                connectivity == null ? null : Connectivity.valueOf(connectivity), alarms,
                Sql.instant(rs, "auto_commissioned_at"), Sql.instant(rs, "created_at"), rs.getLong("version"));
    }
}
