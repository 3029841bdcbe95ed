package io.latchkey.jdbc;

import io.latchkey.access.CustomerId;
import io.latchkey.access.OrgId;
import io.latchkey.device.Alarm;
import io.latchkey.device.Connectivity;
import io.latchkey.device.DataRequest;
import io.latchkey.device.Device;
import io.latchkey.device.DeviceId;
import io.latchkey.device.DeviceRepository;
import io.latchkey.device.DeviceSearch;
import io.latchkey.device.DeviceStatus;
import io.latchkey.device.StageFact;
import io.latchkey.device.StageField;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Devices in the {@code device} table; alarms are one text column of "code active epochMicros" lines, stage records
 * one of escaped "FIELD epochMicros setBy value" lines, tab-separated.
 */
final class JdbiDeviceRepository extends JdbiRows<DeviceId, Device> implements DeviceRepository {

    static final Table<Device> TABLE = Table.<Device>named("device")
            .uuid("id", Device::id)
            .text("serial", Device::serial)
            .text("model", Device::model)
            .text("password_hash", Device::passwordHash)
            .uuid("operator_id", Device::operator)
            .text("status", Device::status)
            .uuid("responsible_partner", Device::responsiblePartner)
            .text("country", Device::country)
            .text("region", Device::region)
            .text("object_type", Device::objectType)
            .text("owner_text", Device::ownerText)
            .text("note", Device::note)
            .uuid("owner_id", Device::owner)
            .text("owner_nickname", Device::ownerNickname)
            .text("sim", Device::sim)
            .text("timezone", d -> d.timezone() == null ? null : d.timezone().getId())
            .time("last_data_at", Device::lastDataAt)
            .time("last_data_reported_at", Device::lastDataReportedAt)
            .time("last_connect_at", Device::lastConnectAt)
            .time("last_disconnect_at", Device::lastDisconnectAt)
            .time("last_seen_at", Device::lastSeenAt)
            .text("connectivity", Device::connectivity)
            .text("alarms", d -> d.alarms().stream().map(a -> a.code() + " " + a.active() + " "
                    + ChronoUnit.MICROS.between(Instant.EPOCH, a.at())).collect(Collectors.joining("\n")))
            .text("stage_facts", d -> d.facts().stream().map(JdbiDeviceRepository::line)
                    .collect(Collectors.joining("\n")))
            .text("data_request_status", d -> d.dataRequest() == null ? null : d.dataRequest().status())
            .text("data_request_fields", d -> d.dataRequest() == null ? null
                    : String.join(",", d.dataRequest().fields()))
            .time("data_request_opened_at", d -> d.dataRequest() == null ? null : d.dataRequest().openedAt())
            .time("auto_commissioned_at", Device::autoCommissionedAt)
            .time("created_at", Device::createdAt)
            .version(Device::version, Device::withVersion)
            .unique(SERIAL)
            .reads(r -> new Device(r.id("id", DeviceId::new), r.text("serial"), r.text("model"),
                    r.text("password_hash"), r.id("operator_id", OrgId::new), r.enumOf("status", DeviceStatus.class),
                    r.id("responsible_partner", OrgId::new), r.text("country"), r.text("region"),
                    r.text("object_type"), r.text("owner_text"), r.text("note"), r.id("owner_id", CustomerId::new),
                    r.text("owner_nickname"), r.text("sim"), r.text("timezone", ZoneId::of), r.time("last_data_at"),
                    r.time("last_data_reported_at"), r.time("last_connect_at"), r.time("last_disconnect_at"),
                    r.time("last_seen_at"), r.enumOf("connectivity", Connectivity.class),
                    r.text("alarms", JdbiDeviceRepository::alarms), r.text("stage_facts", JdbiDeviceRepository::facts),
                    r.enumOf("data_request_status", DeviceStatus.class) == null ? null : new DataRequest(
                            r.enumOf("data_request_status", DeviceStatus.class),
                            List.of(r.text("data_request_fields").split(",")), r.time("data_request_opened_at")),
                    r.time("auto_commissioned_at"), r.time("created_at"), r.bigint("version")));

    JdbiDeviceRepository(Supplier<Handle> handle) {
        super(handle, TABLE);
    }

    private static List<Alarm> alarms(String lines) {
        List<Alarm> alarms = new ArrayList<>();
        for (String line : lines.split("\n")) {
            if (!line.isEmpty()) {
                String[] parts = line.split(" ");
                alarms.add(new Alarm(parts[0], Boolean.parseBoolean(parts[1]),
                        Instant.EPOCH.plus(Long.parseLong(parts[2]), ChronoUnit.MICROS)));
            }
        }
        return alarms;
    }

    private static String line(StageFact fact) {
        return fact.field() + "\t" + ChronoUnit.MICROS.between(Instant.EPOCH, fact.setAt()) + "\t"
                + escaped(fact.setBy()) + "\t" + escaped(fact.value());
    }

    private static List<StageFact> facts(String lines) {
        List<StageFact> facts = new ArrayList<>();
        for (String line : lines.split("\n")) {
            if (!line.isEmpty()) {
                String[] parts = line.split("\t", 4);
                facts.add(new StageFact(StageField.valueOf(parts[0]), unescaped(parts[3]), unescaped(parts[2]),
                        Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS)));
            }
        }
        return facts;
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescaped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public Optional<Device> findBySerial(String serial) {
        return one("WHERE serial = :serial", Map.of("serial", serial));
    }

    @Override
    public List<Device> search(DeviceSearch q) {
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new HashMap<>(Map.of("limit", q.limit()));
        Sql.criterion(where, binds, "serial LIKE :serialLike" + Sql.LIKE_ESCAPE, "serialLike",
                q.serialContains() == null ? null : Sql.containing(q.serialContains()));
        Sql.criterion(where, binds, "status = :status", "status", q.status());
        Sql.criterion(where, binds, "responsible_partner = :partner", "partner", q.partner());
        Sql.criterion(where, binds, "owner_id = :owner", "owner", q.owner());
        Sql.criterion(where, binds, "serial > :after", "after", q.afterSerial());
        return list((where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where)) + " ORDER BY serial LIMIT :limit",
                binds);
    }
}
