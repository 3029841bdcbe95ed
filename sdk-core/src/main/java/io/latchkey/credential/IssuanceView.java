package io.latchkey.credential;

/**
 * An issuance with its state now: what the partner's list of issued labels shows.
 *
 * @param issuance the issuance
 * @param status   its state now: NEW, ACTIVATED or DEACTIVATED
 */
public record IssuanceView(Issuance issuance, CredentialState status) {
}
