package io.latchkey.credential;

import io.latchkey.ErrorCode;
import io.latchkey.LatchkeyException;
import io.latchkey.access.Actor;
import io.latchkey.limits.Limit;
import io.latchkey.limits.RateLimiter;
import io.latchkey.store.Transactions;
import java.time.Instant;

/**
 * The phone's side of issuing: it exchanges the token of a provisioning link for the signed credential
 * document a reader checks offline. A link works once; a newer link, a revocation or the end of the window
 * kills it.
 *
 * <p>Thread-safe.
 */
public final class Provisioning {

    private final Transactions transactions;
    private final PoolRecords records;
    private final RateLimiter rateLimiter;

    Provisioning(Transactions transactions, PoolRecords records, RateLimiter rateLimiter) {
        this.transactions = transactions;
        this.records = records;
        this.rateLimiter = rateLimiter;
    }

    /**
     * Exchanges the token of a provisioning link for the signed credential document. Attempts that fail are
     * counted per source ({@link Limit#PROVISIONING}).
     *
     * @param source where the request came from (an IP address), for rate limiting
     */
    public CredentialDocument provision(String token, String source) {
        Actor phone = Actor.anonymous(source);
        return rateLimiter.guarded(Limit.PROVISIONING, phone.subject(), () -> exchange(phone, token));
    }

    private CredentialDocument exchange(Actor phone, String token) {
        ProvisioningToken claim = ProvisioningToken.open(records.keys, token).orElseThrow(
                () -> LatchkeyException.ofField(ErrorCode.PROVISIONING_TOKEN_INVALID, "token"));
        return transactions.inTransaction(() -> {
            Instant now = records.clock.instant();
            if (!claim.expiresAt().isAfter(now)) {
                throw LatchkeyException.ofField(ErrorCode.PROVISIONING_TOKEN_EXPIRED, "token");
            }
            Credential credential = records.caughtUp(records.store.credentials().find(claim.credentialId())
                    .orElseThrow(() -> LatchkeyException.ofField(ErrorCode.PROVISIONING_TOKEN_INVALID, "token")));
            boolean current = claim.issuanceId().equals(credential.issuanceId())
                    && claim.generation() == credential.generation()
                    && credential.usedGeneration() != claim.generation();
            if (!current || records.credentials.table().find(credential.state(), CredentialEvent.PROVISION).isEmpty()) {
                throw LatchkeyException.ofField(ErrorCode.PROVISIONING_TOKEN_USED, "token");
            }
            credential = records.steps.checkSecret(phone, records.credentials, credential, CredentialEvent.PROVISION)
                    .take((c, state) -> c.provisioned(now, claim.generation()), "generation " + claim.generation());
            records.store.issuances().update(records.currentIssuance(credential).provisioned(now));
            credential = records.caughtUp(credential);
            return CredentialDocument.sign(records.keys.currentSigningKey(), credential, now);
        });
    }
}
