package io.latchkey.party;

import io.latchkey.access.OrgId;

/**
 * A rule of another area that may forbid closing an organization (live subscriptions, say). The area makes
 * one, {@link io.latchkey.Latchkey} hands it to {@link Organizations}, and it throws a typed refusal to forbid.
 */
@FunctionalInterface
public interface ClosingGuard {

    /** Refuses, with a {@link io.latchkey.LatchkeyException}, if {@code organization} may not close now. */
    void check(OrgId organization);
}
