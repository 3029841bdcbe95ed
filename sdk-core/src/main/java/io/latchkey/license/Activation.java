package io.latchkey.license;

import java.time.Instant;
import java.util.Objects;

/**
 * A license activated on a device.
 *
 * @param id            its id
 * @param license       the license
 * @param fingerprint   the device's fingerprint
 * @param state         active or deactivated
 * @param activatedAt   when it was activated
 * @param deactivatedAt when the device released it; null while active
 * @param version       optimistic version
 */
public record Activation(ActivationId id, LicenseId license, String fingerprint, ActivationState state,
                         Instant activatedAt, Instant deactivatedAt, long version) {

    public Activation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(activatedAt, "activatedAt");
    }

    /**
     * The license it holds, or null once deactivated. A license is active on one device at a time: stores keep
     * this value unique.
     */
    public LicenseId activeLicense() {
        return state == ActivationState.ACTIVE ? license : null;
    }

    /** The same activation with another version; for stores. */
    public Activation withVersion(long newVersion) {
        return new Activation(id, license, fingerprint, state, activatedAt, deactivatedAt, newVersion);
    }

    Activation deactivated(ActivationState next, Instant at) {
        return new Activation(id, license, fingerprint, next, activatedAt, at, version);
    }
}
