package io.latchkey.credential;

import io.latchkey.access.OrgId;
import java.time.Instant;
import java.util.Objects;

/**
 * One issue of a credential to a client, kept after the credential returns to the pool: the partner's record
 * of who had which label when.
 *
 * @param id            its id
 * @param credentialId  the credential issued
 * @param label         its label
 * @param partner       the issuing partner
 * @param clientId      the client
 * @param validFrom     start of the window
 * @param validTo       end of the window
 * @param description   free text (may be null)
 * @param issuedAt      when it was issued
 * @param issuedBy      who issued it ({@link io.latchkey.access.Actor#describe()})
 * @param provisionedAt when the client's phone first took it; null before
 * @param endedAt       when it ended early (revoked) or was recorded as expired; null before
 * @param endReason     why it ended; null before
 * @param version       optimistic version
 */
public record Issuance(IssuanceId id, CredentialId credentialId, Label label, OrgId partner, ClientId clientId,
                       Instant validFrom, Instant validTo, String description, Instant issuedAt, String issuedBy,
                       Instant provisionedAt, Instant endedAt, EndReason endReason, long version) {

    public Issuance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(issuedBy, "issuedBy");
    }

    /** Its state at {@code now}: the state its credential has (had) for this issuance. Never FREE. */
    public CredentialState status(Instant now) {
        if ((endedAt != null && !now.isBefore(endedAt)) || !now.isBefore(validTo)) {
            return CredentialState.DEACTIVATED;
        }
        return provisionedAt != null && !now.isBefore(validFrom) ? CredentialState.ACTIVATED : CredentialState.NEW;
    }

    Issuance provisioned(Instant at) {
        return provisionedAt != null ? this : new Issuance(id, credentialId, label, partner, clientId, validFrom,
                validTo,
                description, issuedAt, issuedBy, at, endedAt, endReason, version);
    }

    Issuance ended(Instant at, EndReason reason) {
        return endedAt != null ? this : new Issuance(id, credentialId, label, partner, clientId, validFrom, validTo,
                description, issuedAt, issuedBy, provisionedAt, at, reason, version);
    }

    /** The same issuance with another version; for stores. */
    public Issuance withVersion(long version) {
        return new Issuance(id, credentialId, label, partner, clientId, validFrom, validTo, description, issuedAt,
                issuedBy, provisionedAt, endedAt, endReason, version);
    }
}
