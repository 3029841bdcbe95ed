package io.latchkey.device;

import io.latchkey.access.Permission;
import io.latchkey.lifecycle.TransitionTable;
import java.util.List;
import java.util.Map;

/**
 * The device lifecycle as data. Status is a line (seed 003): Создан → Произведен → Выпущен → Отгружен →
 * Эксплуатируется → В сервисе → Выведен. The engineer's "next status" moves one step forward along it; a
 * released or shipped pump goes into operation on its first connection, or by a service employee's hand (pumps
 * without remote access); any other move is the server administrator's ({@code SET_…}, with a reason).
 * Claims, assignments, details and the owner change in place, in any status; stage data from PRODUCED on.
 */
public final class DeviceLifecycle {

    /** Journal name of devices. */
    public static final String AGGREGATE = "device";

    /** The line, in order. */
    public static final List<DeviceStatus> LINE = List.of(DeviceStatus.CREATED, DeviceStatus.PRODUCED,
            DeviceStatus.RELEASED, DeviceStatus.SHIPPED, DeviceStatus.IN_OPERATION, DeviceStatus.IN_SERVICE,
            DeviceStatus.DECOMMISSIONED);

    /** Every step and change, by event. */
    public static final TransitionTable<DeviceStatus, DeviceEvent> TABLE = table();

    /**
     * What a status needs the device to have; a step into it that finds any missing opens a {@link DataRequest}
     * for them. A pump in operation or in service stands somewhere; a visit to the service and a decommissioning
     * each have a reason.
     */
    public static final Map<DeviceStatus, List<String>> NEEDS = Map.of(
            DeviceStatus.IN_OPERATION, List.of("country", "region", "objectType"),
            DeviceStatus.IN_SERVICE, List.of("country", "region", "objectType", "serviceReason"),
            DeviceStatus.DECOMMISSIONED, List.of("decommissioningReason"));

    private static TransitionTable<DeviceStatus, DeviceEvent> table() {
        var table = TransitionTable.builder(AGGREGATE, DeviceStatus.class, DeviceEvent.class);
        for (int i = 0; i + 1 < LINE.size(); i++) {
            table.on(LINE.get(i), DeviceEvent.ADVANCE, LINE.get(i + 1), Permission.DEVICE_ADVANCE);
        }
        for (DeviceStatus stock : List.of(DeviceStatus.RELEASED, DeviceStatus.SHIPPED)) {
            table.on(stock, DeviceEvent.COMMISSION, DeviceStatus.IN_OPERATION, Permission.DEVICE_ADVANCE)
                    .on(stock, DeviceEvent.FIRST_CONNECT, DeviceStatus.IN_OPERATION, Permission.DEVICE_REPORT);
        }
        for (DeviceStatus from : DeviceStatus.values()) {
            // The server administrator's hand: any status to any other, leaving DECOMMISSIONED too.
            for (DeviceStatus to : DeviceStatus.values()) {
                if (to != from) {
                    table.on(from, DeviceEvent.setTo(to), to, Permission.DEVICE_SET_STATUS);
                }
            }
            // Changes in place, in any status; what stages add, once there is a stage (from PRODUCED on).
            table.on(from, DeviceEvent.CLAIM, from, Permission.DEVICE_CLAIM)
                    .on(from, DeviceEvent.ASSIGN, from, Permission.DEVICE_ASSIGN)
                    .on(from, DeviceEvent.EDIT_DETAILS, from, Permission.DEVICE_EDIT)
                    .on(from, DeviceEvent.REGISTER_OWNER, from, Permission.DEVICE_OWNER_REGISTER)
                    .on(from, DeviceEvent.RENAME, from, Permission.DEVICE_RENAME);
            if (from != DeviceStatus.CREATED) {
                table.on(from, DeviceEvent.FILL_DATA, from, Permission.DEVICE_EDIT);
            }
        }
        return table.build();
    }

    private DeviceLifecycle() {
    }
}
