package io.latchkey.license;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.store.UniqueKey;
import io.latchkey.store.VersionedRows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage port for activations. A license has at most one ACTIVE activation: inserting a second throws
 * {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#LICENSE_ALREADY_ACTIVATED}. Must be
 * called inside a transaction.
 */
public interface ActivationRepository extends VersionedRows<ActivationId, Activation> {

    /** A license is active on one device at a time. */
    UniqueKey<Activation> ONE_ACTIVE = new UniqueKey<>("activation_one_active", Activation::activeLicense,
            a -> LatchkeyException.of(ErrorCode.LICENSE_ALREADY_ACTIVATED));

    /** The license's active activation, if any. */
    Optional<Activation> active(LicenseId license);

    /** The activations released (DEACTIVATED) at or after {@code since}, oldest release first. */
    List<Activation> releasedSince(Instant since);
}
