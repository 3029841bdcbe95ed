package io.latchkey.device;

import io.latchkey.access.Permission;
import io.latchkey.lifecycle.TransitionTable;
import java.util.List;
import java.util.Set;

/**
 * The device lifecycle as data: the steps along the line, the server administrator's moves from any status to
 * any other ({@code SET_…}, with a reason), and what changes in place (a claim, an assignment, the details, the
 * owner) in any status.
 *
 * <p>Who may decommission: an ADMIN from any status; an ENGINEER only from the field statuses
 * (IN_OPERATION, IN_SERVICE), where a worn-out pump is retired after a service visit. Before a device reaches
 * the field, taking it out is a factory decision for an ADMIN.
 */
public final class DeviceLifecycle {

    /** Journal name of devices. */
    public static final String AGGREGATE = "device";

    /** CREATED → PRODUCED → RELEASED → SHIPPED → IN_OPERATION ↔ IN_SERVICE, and → DECOMMISSIONED. */
    public static final TransitionTable<DeviceStatus, DeviceEvent> TABLE = table();

    private static TransitionTable<DeviceStatus, DeviceEvent> table() {
        var table = TransitionTable.builder(AGGREGATE, DeviceStatus.class, DeviceEvent.class)
                .on(DeviceStatus.CREATED, DeviceEvent.ADVANCE, DeviceStatus.PRODUCED, Permission.DEVICE_ADVANCE)
                .on(DeviceStatus.PRODUCED, DeviceEvent.ADVANCE, DeviceStatus.RELEASED, Permission.DEVICE_ADVANCE)
                .on(DeviceStatus.RELEASED, DeviceEvent.ADVANCE, DeviceStatus.SHIPPED, Permission.DEVICE_ADVANCE)
                .on(DeviceStatus.SHIPPED, DeviceEvent.ADVANCE, DeviceStatus.IN_OPERATION, Permission.DEVICE_ADVANCE)
                .on(DeviceStatus.IN_OPERATION, DeviceEvent.ADVANCE, DeviceStatus.IN_SERVICE, Permission.DEVICE_ADVANCE)
                .on(DeviceStatus.IN_SERVICE, DeviceEvent.ADVANCE, DeviceStatus.IN_OPERATION, Permission.DEVICE_ADVANCE)
                .on(DeviceStatus.RELEASED, DeviceEvent.COMMISSION, DeviceStatus.IN_OPERATION, Permission.DEVICE_ADVANCE)
                .on(DeviceStatus.SHIPPED, DeviceEvent.COMMISSION, DeviceStatus.IN_OPERATION, Permission.DEVICE_ADVANCE)
                .on(DeviceStatus.RELEASED, DeviceEvent.FIRST_CONNECT, DeviceStatus.IN_OPERATION,
                        Permission.DEVICE_REPORT)
                .on(DeviceStatus.SHIPPED, DeviceEvent.FIRST_CONNECT, DeviceStatus.IN_OPERATION,
                        Permission.DEVICE_REPORT)
                .on(DeviceStatus.CREATED, DeviceEvent.DECOMMISSION, DeviceStatus.DECOMMISSIONED,
                        Permission.DEVICE_SET_STATUS)
                .on(DeviceStatus.PRODUCED, DeviceEvent.DECOMMISSION, DeviceStatus.DECOMMISSIONED,
                        Permission.DEVICE_SET_STATUS)
                .on(DeviceStatus.RELEASED, DeviceEvent.DECOMMISSION, DeviceStatus.DECOMMISSIONED,
                        Permission.DEVICE_SET_STATUS)
                .on(DeviceStatus.SHIPPED, DeviceEvent.DECOMMISSION, DeviceStatus.DECOMMISSIONED,
                        Permission.DEVICE_SET_STATUS)
                .on(DeviceStatus.IN_OPERATION, DeviceEvent.DECOMMISSION, DeviceStatus.DECOMMISSIONED,
                        Permission.DEVICE_DECOMMISSION)
                .on(DeviceStatus.IN_SERVICE, DeviceEvent.DECOMMISSION, DeviceStatus.DECOMMISSIONED,
                        Permission.DEVICE_DECOMMISSION);
        for (DeviceStatus from : DeviceStatus.values()) {
            // The server administrator's hand: any status to any other, leaving DECOMMISSIONED too.
            for (DeviceStatus to : DeviceStatus.values()) {
                if (to != from) {
                    table.on(from, DeviceEvent.setTo(to), to, Permission.DEVICE_SET_STATUS);
                }
            }
            // Changes in place, in any status.
            table.on(from, DeviceEvent.CLAIM, from, Permission.DEVICE_CLAIM)
                    .on(from, DeviceEvent.ASSIGN, from, Permission.DEVICE_ASSIGN)
                    .on(from, DeviceEvent.EDIT_DETAILS, from, Permission.DEVICE_EDIT)
                    .on(from, DeviceEvent.REGISTER_OWNER, from, Permission.DEVICE_OWNER_REGISTER);
        }
        return table.build();
    }

    /**
     * What a device must have before a step taken by hand: put into operation from the warehouse (released or
     * shipped) by hand, it must say where it stands. The automatic first connection needs nothing, nor does
     * the return from service.
     *
     * @param from   the statuses the step leaves
     * @param to     the status it reaches
     * @param fields the device fields that must be filled in
     */
    public record Requirement(Set<DeviceStatus> from, DeviceStatus to, List<String> fields) {
    }

    /** Every requirement of steps taken by hand. */
    public static final List<Requirement> REQUIRED_BY_HAND = List.of(new Requirement(
            Set.of(DeviceStatus.RELEASED, DeviceStatus.SHIPPED), DeviceStatus.IN_OPERATION,
            List.of("country", "region")));

    private DeviceLifecycle() {
    }
}
