package io.latchkey.party;

/**
 * A rule of another area that may forbid closing an organization (live subscriptions, say). The area
 * registers it with {@link PartyService#guardClosing}; it throws a typed refusal to forbid.
 */
@FunctionalInterface
public interface ClosingGuard {

    /** Refuses, with a {@link io.latchkey.LatchkeyException}, if {@code organization} may not close now. */
    void check(OrgId organization);
}
