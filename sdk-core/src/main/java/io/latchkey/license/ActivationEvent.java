package io.latchkey.license;

/** What can happen to an activation. */
public enum ActivationEvent {
    /** The device that activated the license releases it. */
    DEACTIVATE
}
