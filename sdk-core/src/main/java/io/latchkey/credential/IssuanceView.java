package io.latchkey.credential;

import java.time.Instant;
import java.util.Optional;

/**
 * An issuance as the partner's list of issued labels shows it: the label, its state now, the client ("Влад
 * (sav@elics.ru)"), and the two facts that make a label ACTIVATED, so that a manager sees why one is still NEW.
 *
 * @param issuance      the issuance
 * @param status        its state now: NEW, ACTIVATED or DEACTIVATED
 * @param client        the client it was issued to
 * @param windowStarted whether its window has started now
 */
public record IssuanceView(Issuance issuance, CredentialState status, Client client, boolean windowStarted) {

    /** The view of {@code issuance} to {@code client} at {@code now}. */
    static IssuanceView of(Issuance issuance, Client client, Instant now) {
        return new IssuanceView(issuance, issuance.status(now), client, !now.isBefore(issuance.validFrom()));
    }

    /** When the client's phone downloaded it; empty while it has not. */
    public Optional<Instant> downloadedAt() {
        return Optional.ofNullable(issuance.provisionedAt());
    }
}
