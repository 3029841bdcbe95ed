package io.latchkey.credential;

import io.latchkey.access.OrgId;
import io.latchkey.lifecycle.Transition;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A reusable mobile credential of a partner's pool. It carries the window of its current issuance, so that
 * its effective state follows from the record and the clock alone ({@link #effectiveState(Instant)}), even
 * when the scheduler has not yet persisted a timed step.
 *
 * @param id                its id
 * @param label             its public name
 * @param partner           the pool it belongs to
 * @param orderId           the pool order that minted it
 * @param capacityExpiresAt when it can no longer be issued (its order's validity); null for unlimited
 * @param state             its stored state
 * @param issuanceId        its current issuance; null when FREE
 * @param validFrom         start of the current window; null when FREE
 * @param validTo           end of the current window; null when FREE
 * @param provisionedAt     when a phone first took the current issuance; null before
 * @param generation        the provisioning secret's generation: a link is good only for the current one
 * @param usedGeneration    the last generation a phone has exchanged (links are single-use)
 * @param freeAt            when it is (or becomes) free in the pool: the return time once issued
 * @param version           optimistic version
 */
public record Credential(CredentialId id, Label label, OrgId partner, PoolOrderId orderId, Instant capacityExpiresAt,
                         CredentialState state, IssuanceId issuanceId, Instant validFrom, Instant validTo,
                         Instant provisionedAt, int generation, int usedGeneration, Instant freeAt, long version) {

    /** A timed step that is due at {@code at}. */
    public record TimedStep(CredentialEvent event, Instant at) {
    }

    public Credential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(freeAt, "freeAt");
        boolean issued = state != CredentialState.FREE;
        if (issued != (issuanceId != null) || issued != (validFrom != null) || issued != (validTo != null)) {
            throw new IllegalArgumentException("a credential has an issuance and a window exactly when not FREE");
        }
    }

    /** A new credential in the pool. */
    static Credential minted(CredentialId id, Label label, OrgId partner, PoolOrderId orderId,
            Instant capacityExpiresAt,
                             Instant now) {
        return new Credential(id, label, partner, orderId, capacityExpiresAt, CredentialState.FREE, null, null, null,
                null, 1, 0, now, 0);
    }

    /**
     * The next step the clock will take, if any: activation once the window has started and the phone has the
     * credential, expiry at the end of the window, return to the pool at {@link #freeAt}.
     */
    public Optional<TimedStep> nextTimedStep() {
        return switch (state) {
            case FREE -> Optional.empty();
            case NEW -> Optional.of(provisionedAt == null
                    ? new TimedStep(CredentialEvent.EXPIRE, validTo)
                    : new TimedStep(CredentialEvent.ACTIVATE, later(validFrom, provisionedAt)));
            case ACTIVATED -> Optional.of(new TimedStep(CredentialEvent.EXPIRE, validTo));
            case DEACTIVATED -> Optional.of(new TimedStep(CredentialEvent.RETURN, freeAt));
        };
    }

    /** When the scheduler should next look at it; null if never. Stored and indexed by the store. */
    public Instant dueAt() {
        return nextTimedStep().map(TimedStep::at).orElse(null);
    }

    /** Its state at {@code now}, taking every timed step that is due by then. */
    public CredentialState effectiveState(Instant now) {
        Credential c = this;
        for (Optional<TimedStep> step = c.nextTimedStep(); step.isPresent() && !step.get().at().isAfter(now);
             step = c.nextTimedStep()) {
            c = c.taking(step.get().event(), step.get().at());
        }
        return c.state;
    }

    /** Whether it can be issued at {@code now} for a window ending at {@code until}. */
    public boolean issuableAt(Instant now, Instant until) {
        // freeAt is never before the end of the current window, so reaching it means the window is over.
        return !freeAt.isAfter(now) && (capacityExpiresAt == null || !capacityExpiresAt.isBefore(until));
    }

    /** The record after timed step {@code event}, taken at {@code at}. */
    Credential taking(CredentialEvent event, Instant at) {
        Transition<CredentialState, CredentialEvent> step = CredentialLifecycle.CREDENTIAL.require(state, event);
        if (!step.timed()) {
            throw new IllegalArgumentException(event + " is not a timed step");
        }
        if (event == CredentialEvent.RETURN) {
            // Back in the pool with a new provisioning generation: no old link can bring it back.
            return new Credential(id, label, partner, orderId, capacityExpiresAt, step.to(), null,
                    null, null, null, generation + 1, usedGeneration, freeAt, version);
        }
        return withState(step.to());
    }

    Credential issued(CredentialState next, IssuanceId issuance, Instant from, Instant to, Instant returnAt) {
        return new Credential(id, label, partner, orderId, capacityExpiresAt, next, issuance, from, to,
                null, generation, usedGeneration, returnAt, version);
    }

    Credential provisioned(Instant at, int usedGen) {
        return new Credential(id, label, partner, orderId, capacityExpiresAt, state, issuanceId, validFrom, validTo,
                provisionedAt == null ? at : provisionedAt, generation, usedGen, freeAt, version);
    }

    Credential resent() {
        return new Credential(id, label, partner, orderId, capacityExpiresAt, state, issuanceId, validFrom, validTo,
                provisionedAt, generation + 1, usedGeneration, freeAt, version);
    }

    Credential revoked(CredentialState next, Instant returnAt) {
        return new Credential(id, label, partner, orderId, capacityExpiresAt, next, issuanceId,
                validFrom, validTo, provisionedAt, generation, usedGeneration, returnAt, version);
    }

    private Credential withState(CredentialState next) {
        return new Credential(id, label, partner, orderId, capacityExpiresAt, next, issuanceId, validFrom, validTo,
                provisionedAt, generation, usedGeneration, freeAt, version);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The same credential with another version; for stores. */
    public Credential withVersion(long version) {
        return new Credential(id, label, partner, orderId, capacityExpiresAt, state, issuanceId, validFrom, validTo,
                provisionedAt, generation, usedGeneration, freeAt, version);
    }
}
