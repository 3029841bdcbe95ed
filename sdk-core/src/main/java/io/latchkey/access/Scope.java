package io.latchkey.access;

/**
 * Where, relative to the organization that owns a thing, an actor's organization must stand for a
 * permission to apply. Outside {@link #CHANNEL} the thing is invisible: refusals say NOT_FOUND.
 */
public enum Scope {
    /** Only the owning organization itself. */
    OWN,
    /** The owning organization or any organization above it in the channel. */
    CHANNEL,
    /** Only an organization above the owner (the operator, a dealer): deciding on what the owner asked for. */
    UPSTREAM
}
