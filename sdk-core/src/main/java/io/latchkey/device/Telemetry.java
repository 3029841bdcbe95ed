package io.latchkey.device;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.Permission;
import io.latchkey.internal.Actors;
import io.latchkey.internal.Checks;
import io.latchkey.limits.Attempt;
import io.latchkey.limits.Limit;
import io.latchkey.limits.RateLimiter;
import io.latchkey.store.Transactions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What devices report: connections, disconnections, data and alarms, received from the device itself (signed in
 * with its printed password) or from the operator's staff on its behalf. Reports older than what is stored are
 * ignored; the first connection after release puts a device into operation, once in its life.
 *
 * <p>Thread-safe.
 */
public final class Telemetry {

    private final Transactions transactions;
    private final DeviceRecords records;
    private final RateLimiter rateLimiter;

    Telemetry(Transactions transactions, DeviceRecords records, RateLimiter rateLimiter) {
        this.transactions = transactions;
        this.records = records;
        this.rateLimiter = rateLimiter;
    }

    /**
     * Checks a device's serial and printed password (HTTP Basic from the device, say) and returns its actor.
     * Attempts are counted per source ({@link Limit#DEVICE_SIGN_IN}), and loosely per device
     * ({@link Limit#DEVICE_SIGN_IN_DEVICE}): a stranger's wrong passwords lock out the stranger, never the
     * device. Argon2id is slow on purpose: hosts should keep the actor for the session rather than check on every
     * report.
     */
    public Actor authenticateDevice(String serial, char[] password, String source) {
        String normalized = DeviceRecords.serial(serial);
        String from = Actor.source(source);
        Attempt attempt = rateLimiter.attempt(Limit.DEVICE_SIGN_IN, from, Limit.DEVICE_SIGN_IN_DEVICE, normalized);
        Optional<Device> device = transactions.inTransaction(() -> records.store.devices().findBySerial(normalized));
        if (!records.passwordMatches(device, password)) {
            throw LatchkeyException.of(ErrorCode.DEVICE_PASSWORD_WRONG);
        }
        attempt.uncount();
        String hash = device.get().passwordHash();
        records.hasher.rehashed(password, hash).ifPresent(rehashed -> transactions.inTransaction(
                () -> records.store.devices().findBySerial(normalized).filter(d -> hash.equals(d.passwordHash()))
                        .ifPresent(d -> records.store.devices().update(d.with(x -> x.passwordHash = rehashed)))));
        return Actors.device(normalized);
    }

    /**
     * What a device reports. Time comes from the server: the card's "last data" and ONLINE are when the server
     * received them, so a pump whose own clock runs slow is never OFFLINE for it. The pump's own timestamps (those
     * ahead of ours count as now) only order its reports: one older than what is stored is ignored, and one made
     * before its last disconnection does not bring it back online. The first connection received after release
     * puts the device into operation, once in its life; a delayed, replayed or back-dated one (made before the
     * release, or older than what is stored) never does.
     */
    public DeviceCard report(Actor actor, String serial, DeviceReport report) {
        ReportType type = Checks.required("type", report.type());
        Instant reported = Checks.instant("at", report.at());
        String code = type == ReportType.ALARM || type == ReportType.ALARM_CLEARED ? alarmCode(report.code()) : null;
        return transactions.inTransaction(() -> {
            Device device = records.found(actor, serial);
            records.access.requireOnVisible(actor, Permission.DEVICE_REPORT, DeviceRecords.holder(device));
            Instant now = records.clock.instant();
            Instant at = reported.isAfter(now) ? now : reported;
            Optional<Alarm> known = device.alarms().stream().filter(a -> a.code().equals(code)).findFirst();
            boolean newer = switch (type) {
                case CONNECT -> isAfter(at, device.lastConnectAt());
                case DISCONNECT -> isAfter(at, device.lastDisconnectAt());
                case DATA -> isAfter(at, device.lastDataReportedAt());
                case ALARM, ALARM_CLEARED -> isAfter(at, known.map(Alarm::at).orElse(null));
            };
            if (!newer) {
                return records.card(actor, device);
            }
            Device updated = device.with(d -> {
                switch (type) {
                    case CONNECT -> {
                        d.lastConnectAt = at;
                        d.connectivity = report.connectivity() != null ? report.connectivity() : d.connectivity;
                    }
                    case DISCONNECT -> {
                        d.lastDisconnectAt = at;
                        if (!isAfter(d.lastConnectAt, at)) {
                            d.lastSeenAt = null;
                        }
                    }
                    case DATA -> {
                        d.lastDataReportedAt = at;
                        d.lastDataAt = now;
                    }
                    case ALARM, ALARM_CLEARED -> {
                        d.alarms.removeIf(a -> a.code().equals(code));
                        remember(d.alarms, new Alarm(code, type == ReportType.ALARM, at));
                    }
                }
                if (type != ReportType.DISCONNECT && isAfter(at, d.lastDisconnectAt)) {
                    d.lastSeenAt = now;
                }
            });
            if (type == ReportType.CONNECT && commissions(device, at)) {
                var first = records.steps.check(actor, records.devices, device, DeviceEvent.FIRST_CONNECT);
                return records.card(actor, records.move(actor, first, updated.with(x -> x.autoCommissionedAt = now),
                        null, "connected at " + at));
            }
            return records.card(actor, records.store.devices().update(updated));
        });
    }

    /**
     * Whether a (newer) connection made at {@code at} puts the device into operation: its first one, while the
     * table allows it, made no earlier than the device's release (or its shipment, if it was never released).
     */
    private boolean commissions(Device device, Instant at) {
        Instant released = device.fact(StageField.RELEASE_DATE).or(() -> device.fact(StageField.SHIPMENT_DATE))
                .map(f -> Instant.parse(f.value())).orElse(null);
        return device.autoCommissionedAt() == null && !isAfter(released, at)
                && records.devices.table().find(device.status(), DeviceEvent.FIRST_CONNECT).isPresent();
    }

    /** Whether {@code time} is after {@code stored}; anything is after nothing, nothing is after anything. */
    private static boolean isAfter(Instant time, Instant stored) {
        return time != null && (stored == null || time.isAfter(stored));
    }

    private static String alarmCode(String typed) {
        String code = Checks.required("code", typed);
        if (!Alarm.CODE.matcher(code).matches()) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "code", "code",
                    "1 to 32 letters, digits, dots, dashes or underscores");
        }
        return code;
    }

    /**
     * Adds an alarm's state to what a device remembers: at most {@link Alarm#MAX_RAISED} raised at once (a
     * device that raises more is refused), and of the cleared ones only the most recent, within
     * {@link Alarm#MAX_REMEMBERED} codes in all, so that no stream of made-up codes grows the row.
     */
    private static void remember(List<Alarm> alarms, Alarm alarm) {
        if (alarm.active() && alarms.stream().filter(Alarm::active).count() >= Alarm.MAX_RAISED) {
            throw LatchkeyException.ofField(ErrorCode.DEVICE_ALARMS_FULL, "code", Alarm.MAX_RAISED);
        }
        alarms.add(alarm);
        while (alarms.size() > Alarm.MAX_REMEMBERED) {
            alarms.stream().filter(a -> !a.active()).min(Comparator.comparing(Alarm::at)).ifPresent(alarms::remove);
        }
    }
}
