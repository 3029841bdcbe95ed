package io.latchkey.credential;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.OrgId;
import io.latchkey.store.UniqueKey;
import io.latchkey.store.VersionedRows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage port for credentials. Labels are unique: inserting a taken one throws
 * {@link io.latchkey.LatchkeyException} with {@link io.latchkey.ErrorCode#DUPLICATE}. The store keeps
 * {@link Credential#dueAt()} indexed for the scheduler. Must be called inside a transaction.
 */
public interface CredentialRepository extends VersionedRows<CredentialId, Credential> {

    /** A label is one credential's. */
    UniqueKey<Credential> LABEL = new UniqueKey<>("credential_label_unique", Credential::label,
            c -> LatchkeyException.of(ErrorCode.DUPLICATE, "label " + c.label()));

    Optional<Credential> findByLabel(Label label);

    /**
     * Locks and returns up to {@code limit} credentials of {@code partner} that are free at {@code now}
     * ({@link Credential#issuableAt}) and whose capacity lasts until {@code until}: the soonest-expiring
     * capacity first, then the longest free. Credentials another transaction has locked are skipped, never
     * returned twice; but when only locked ones are left, it waits for them, so that nothing is returned only
     * when nothing is free once the others have committed.
     */
    List<Credential> claimFree(OrgId partner, Instant now, Instant until, int limit);

    /** What a pool has free for a window: see {@link #availability}. */
    enum Availability { NONE, TOO_SHORT, FITTING }

    /**
     * Whether {@code partner} has a credential issuable at {@code now}, and whether one of them lasts until
     * {@code until}: read from one snapshot of what is committed, locking nothing. It tells an issue that
     * {@link #claimFree} left empty-handed which refusal to give, without holding a row while it asks.
     */
    Availability availability(OrgId partner, Instant now, Instant until);

    /** Locks and returns up to {@code limit} credentials due at {@code now}, earliest first, skipping locked ones. */
    List<Credential> claimDue(Instant now, int limit);

    /**
     * How many of a partner's credentials are free at {@code now}: stored FREE, or free by the clock (their
     * {@link Credential#freeAt()} has come) though not returned yet; capacity not expired at {@code now}. A store
     * keeps this as a stock rather than counting a pool of millions. Transactions that ask for one pool take turns
     * until commit, and each sees what the ones before it claimed: of two issues that empty a pool at once, one
     * finds it at a threshold, never both.
     */
    long countIssuable(OrgId partner, Instant now);

    /** Every credential of a partner's pool, by label. */
    List<Credential> byPartner(OrgId partner);
}
