package io.latchkey.device;

/** What a device reports. */
public enum ReportType {
    /** It came online. */
    CONNECT,
    /** It went offline. */
    DISCONNECT,
    /** It sent measurements. */
    DATA,
    /** An alarm with a code was raised. */
    ALARM,
    /** The alarm with that code ended. */
    ALARM_CLEARED
}
