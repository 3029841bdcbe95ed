package io.latchkey.license;

/** Where an activation stands. */
public enum ActivationState {
    /** The license works on this device; no other device may activate it. */
    ACTIVE,
    /** Released by the same device; the license is free again. */
    DEACTIVATED
}
