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
import java.util.concurrent.atomic.AtomicBoolean;

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

    /** The "next status" button, confirmed with the acting engineer's own password. */
    public DeviceCard advance(Actor actor, String serial, char[] actorPassword) {
        return byHand(actor, serial, DeviceEvent.ADVANCE, actorPassword, null);
    }

    /** Puts a released or shipped device into operation by hand, confirmed with the engineer's password. */
    public DeviceCard commission(Actor actor, String serial, char[] actorPassword) {
        return byHand(actor, serial, DeviceEvent.COMMISSION, actorPassword, null);
    }

    /** Takes a device out of service for good, confirmed with the acting member's password. */
    public DeviceCard decommission(Actor actor, String serial, char[] actorPassword, String reason) {
        return byHand(actor, serial, DeviceEvent.DECOMMISSION, actorPassword, reason);
    }

    /** Sets any other status by hand: the server administrator's alone, with a reason for the journal. */
    public DeviceCard setStatus(Actor actor, String serial, DeviceStatus status, String reason) {
        DeviceStatus target = Checks.required("status", status);
        String why = Checks.required("reason", reason, 1000);
        return transactions.inTransaction(() -> {
            Device device = records.found(actor, serial);
            return records.card(actor, records.steps.take(actor, records.devices, device, DeviceEvent.setTo(target),
                    (d, to) -> d.with(x -> x.status = to), why));
        });
    }

    /** Makes a partner responsible for a device (a service engineer, when the installer could not claim it). */
    public DeviceCard assignPartner(Actor actor, String serial, OrgId partnerId) {
        return transactions.inTransaction(() -> {
            Device device = records.found(actor, serial);
            var assign = records.steps.check(actor, records.devices, device, DeviceEvent.ASSIGN);
            Organization partner = records.partner(Checks.required("partnerId", partnerId));
            return records.card(actor, assign.take((d, to) -> d.with(x -> x.responsiblePartner = partner.id()),
                    partner.id().toString()));
        });
    }

    /**
     * A step confirmed with the acting member's own password. The attempt is counted before the step's transaction
     * ({@link Limit#STEP_UP}), so that a wrong password stays counted; anything else uncounts it, and a step the
     * table refuses is refused before anything is counted.
     */
    private DeviceCard byHand(Actor actor, String serial, DeviceEvent event, char[] actorPassword, String reason) {
        String why = Checks.text("reason", reason, 1000);
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
                for (DeviceLifecycle.Requirement requirement : DeviceLifecycle.REQUIRED_BY_HAND) {
                    if (requirement.from().contains(device.status()) && requirement.to() == step.to()) {
                        for (String field : requirement.fields()) {
                            if (DeviceRecords.missingFields(device).contains(field)) {
                                throw LatchkeyException.ofField(ErrorCode.DEVICE_DETAILS_MISSING, field, field,
                                        step.to());
                            }
                        }
                    }
                }
                return records.card(actor, step.take((d, to) -> d.with(x -> x.status = to), why));
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
