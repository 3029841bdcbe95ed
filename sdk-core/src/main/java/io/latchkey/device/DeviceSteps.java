package io.latchkey.device;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.access.MemberId;
import io.latchkey.access.OrgId;
import io.latchkey.access.PasswordVerifier;
import io.latchkey.access.Permission;
import io.latchkey.internal.Checks;
import io.latchkey.limits.Limit;
import io.latchkey.limits.RateLimiter;
import io.latchkey.party.Organization;
import io.latchkey.store.Transactions;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * A device's life at the operator: registered at the factory, moved along its statuses by the engineers (each
 * step confirmed with the engineer's own password), set to any status by the server administrator with a
 * reason, and handed to a responsible partner.
 *
 * <p>Thread-safe.
 */
public final class DeviceSteps {

    private final Transactions transactions;
    private final DeviceRecords records;
    private final PasswordVerifier stepUp;
    private final RateLimiter rateLimiter;

    DeviceSteps(Transactions transactions, DeviceRecords records, PasswordVerifier stepUp, RateLimiter rateLimiter) {
        this.transactions = transactions;
        this.records = records;
        this.stepUp = stepUp;
        this.rateLimiter = rateLimiter;
    }

    /** Registers a new device of the actor's operator; the printed password is kept only as an Argon2id hash. */
    public DeviceCard create(Actor actor, String serial, String model, char[] password) {
        String normalized = DeviceRecords.serial(serial);
        String checkedModel = Checks.required("model", model, 100);
        if (password == null || password.length < 4 || password.length > 128) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, "password", "password", "4 to 128 characters");
        }
        String hash = records.hasher.hash(password);
        return transactions.inTransaction(() -> {
            records.access.requireOperator(actor, Permission.DEVICE_CREATE);
            Device device = records.steps.create(actor, records.devices, Device.created(
                    new DeviceId(records.ids.next()), normalized, checkedModel, hash, actor.organization(),
                    records.clock.instant()), checkedModel);
            return records.card(actor, device);
        });
    }

    /**
     * The "next status" button: one step forward along the line (from IN_SERVICE, DECOMMISSIONED), confirmed
     * with the acting engineer's own password. When the new status needs data the device lacks, the device
     * carries an open {@link DataRequest} and those who answer for it are told.
     */
    public DeviceCard advance(Actor actor, String serial, char[] actorPassword) {
        return byHand(actor, serial, DeviceEvent.ADVANCE, actorPassword);
    }

    /**
     * "Ввести в эксплуатацию": puts a released or shipped device into operation by hand (pumps without remote
     * access), confirmed with the engineer's own password. Never refused for missing details: a data request asks
     * for them.
     */
    public DeviceCard commission(Actor actor, String serial, char[] actorPassword) {
        return byHand(actor, serial, DeviceEvent.COMMISSION, actorPassword);
    }

    /**
     * Any other move (back from the service, skipping ahead, leaving DECOMMISSIONED): the server administrator's
     * alone, with a reason for the journal; a move into the service or to DECOMMISSIONED records it as that
     * stage's reason too.
     */
    public DeviceCard setStatus(Actor actor, String serial, DeviceStatus status, String reason) {
        DeviceStatus target = Checks.required("status", status);
        String why = Checks.required("reason", reason, 1000);
        return transactions.inTransaction(() -> {
            Device device = records.found(actor, serial);
            var step = records.steps.check(actor, records.devices, device, DeviceEvent.setTo(target));
            return records.card(actor, records.move(actor, step, device, why, why));
        });
    }

    /**
     * Records what a stage adds that people type (the firmware, the consignee, a service visit's or a
     * decommissioning's reason), once the device has reached that stage; what it fills is struck off the open
     * data request.
     */
    public DeviceCard fill(Actor actor, String serial, Map<StageField, String> values) {
        Map<StageField, String> typed = new EnumMap<>(StageField.class);
        Checks.required("values", values).forEach((field, value) -> {
            String name = Checks.required("field", field).fieldName();
            if (field.source() != StageField.Source.TYPED && field.source() != StageField.Source.REASON) {
                throw LatchkeyException.ofField(ErrorCode.FIELD_MALFORMED, name, name, "stamped by the step itself");
            }
            typed.put(field, Checks.required(name, value, field.maxLength()));
        });
        if (typed.isEmpty()) {
            throw LatchkeyException.ofField(ErrorCode.FIELD_REQUIRED, "values");
        }
        return transactions.inTransaction(() -> {
            Device device = records.found(actor, serial);
            var fill = records.steps.checkOver(actor, DeviceRecords.viewer(device), records.devices, device,
                    DeviceEvent.FILL_DATA);
            for (StageField field : typed.keySet()) {
                if (!reached(device, field.stage())) {
                    throw LatchkeyException.ofField(ErrorCode.DEVICE_STAGE_NOT_REACHED, field.fieldName(),
                            field.fieldName(), field.stage());
                }
            }
            Instant now = records.clock.instant();
            return records.card(actor, fill.take((d, to) -> {
                Device recorded = d;
                for (var value : typed.entrySet()) {
                    recorded = Stages.recorded(recorded, value.getKey(), value.getValue(), actor.describe(), now);
                }
                return Stages.filled(recorded);
            }, typed.keySet().stream().map(StageField::fieldName).collect(Collectors.joining(", "))));
        });
    }

    /** Makes a partner responsible for a device (a service engineer, when the installer could not claim it). */
    public DeviceCard assignPartner(Actor actor, String serial, OrgId partnerId) {
        return transactions.inTransaction(() -> {
            Device device = records.found(actor, serial);
            var assign = records.steps.check(actor, records.devices, device, DeviceEvent.ASSIGN);
            Organization partner = records.partner(Checks.required("partnerId", partnerId));
            Instant now = records.clock.instant();
            return records.card(actor, assign.take((d, to) -> Stages.taken(d.with(x -> x.responsiblePartner =
                    partner.id()), actor.describe(), now), partner.id().toString()));
        });
    }

    /** Whether the device is at {@code stage} or past it along the line. */
    private static boolean reached(Device device, DeviceStatus stage) {
        return DeviceLifecycle.LINE.indexOf(device.status()) >= DeviceLifecycle.LINE.indexOf(stage);
    }

    /**
     * A step confirmed with the acting member's own password. The attempt is counted before the step's transaction
     * ({@link Limit#STEP_UP}), so that a wrong password stays counted; anything else uncounts it, and a step the
     * table refuses is refused before anything is counted.
     */
    private DeviceCard byHand(Actor actor, String serial, DeviceEvent event, char[] actorPassword) {
        // What the table refuses is refused before an attempt is counted: only a wrong password counts.
        transactions.inTransaction(() -> records.steps.check(actor, records.devices, records.found(actor, serial),
                event));
        AtomicBoolean wrongPassword = new AtomicBoolean();
        rateLimiter.attempt(Limit.STEP_UP, actor.subject());
        try {
            return transactions.inTransaction(() -> {
                Device device = records.found(actor, serial);
                var step = records.steps.check(actor, records.devices, device, event);
                try {
                    confirm(actor, actorPassword);
                } catch (LatchkeyException wrong) {
                    wrongPassword.set(true);
                    throw wrong;
                }
                return records.card(actor, records.move(actor, step, device, null, null));
            });
        } finally {
            if (!wrongPassword.get()) {
                rateLimiter.uncount(Limit.STEP_UP, actor.subject());
            }
        }
    }

    /** Step-up: the acting member's own password, checked by the host's verifier. */
    private void confirm(Actor actor, char[] password) {
        MemberId member = actor.memberId().orElseThrow(
                () -> LatchkeyException.of(ErrorCode.PERMISSION_DENIED, "a step without a member"));
        if (password == null || !stepUp.verify(member, password)) {
            throw LatchkeyException.ofField(ErrorCode.STEP_UP_FAILED, "password");
        }
    }
}
