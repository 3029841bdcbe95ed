package io.latchkey.device;

import java.time.Instant;

/**
 * One report from a device, with the device's own timestamp.
 *
 * @param type         what happened
 * @param at           when, by the device's clock (required)
 * @param code         the alarm code, for ALARM and ALARM_CLEARED
 * @param connectivity how it is connected, for CONNECT (optional)
 */
public record DeviceReport(ReportType type, Instant at, String code, Connectivity connectivity) {
}
