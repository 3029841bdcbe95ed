package io.latchkey.license;

import java.util.Optional;

/**
 * Storage port for activations. A license has at most one ACTIVE activation: inserting a second throws
 * {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#LICENSE_ALREADY_ACTIVATED}. Must be
 * called inside a transaction.
 */
public interface ActivationRepository {

    void insert(Activation activation);

    Activation update(Activation activation);

    /** The license's active activation, if any. */
    Optional<Activation> active(LicenseId license);
}
