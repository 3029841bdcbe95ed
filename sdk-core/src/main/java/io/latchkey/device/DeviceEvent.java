package io.latchkey.device;

/** What moves a device along its lifecycle. */
public enum DeviceEvent {
    /** An engineer's "next status" button, confirmed with the engineer's password. */
    ADVANCE,
    /** A service employee puts a released or shipped device into operation by hand (no remote access). */
    COMMISSION,
    /** The device's first network connection after its release. */
    FIRST_CONNECT,
    /** The device is taken out of service for good. */
    DECOMMISSION
}
