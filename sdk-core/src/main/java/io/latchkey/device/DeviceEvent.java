package io.latchkey.device;

/** What happens to a device: steps along its lifecycle, the server administrator's moves, and changes in place. */
public enum DeviceEvent {
    /**
     * An engineer's "next status" button: one step forward along the line, confirmed with the engineer's own
     * password.
     */
    ADVANCE,
    /** A service employee puts a released or shipped device into operation by hand (no remote access). */
    COMMISSION,
    /** The device's first network connection after its release. */
    FIRST_CONNECT,
    /** The server administrator sets CREATED by hand, with a reason. */
    SET_CREATED,
    /** The server administrator sets PRODUCED by hand, with a reason. */
    SET_PRODUCED,
    /** The server administrator sets RELEASED by hand, with a reason. */
    SET_RELEASED,
    /** The server administrator sets SHIPPED by hand, with a reason. */
    SET_SHIPPED,
    /** The server administrator sets IN_OPERATION by hand, with a reason. */
    SET_IN_OPERATION,
    /** The server administrator sets IN_SERVICE by hand, with a reason. */
    SET_IN_SERVICE,
    /** The server administrator sets DECOMMISSIONED by hand, with a reason. */
    SET_DECOMMISSIONED,
    /** A certified partner claims it with the password printed on it. */
    CLAIM,
    /** An engineer makes a partner responsible for it. */
    ASSIGN,
    /** Where it stands and for whom is filled in. */
    EDIT_DETAILS,
    /** Its owner registers it from the mobile app. */
    REGISTER_OWNER,
    /** Its owner renames it in the app (a name only the owner sees). */
    RENAME,
    /** What a stage adds is typed in: a reason, the firmware, the consignee. */
    FILL_DATA;

    /** The administrator's event that sets {@code status} by hand. */
    public static DeviceEvent setTo(DeviceStatus status) {
        return valueOf("SET_" + status.name());
    }
}
