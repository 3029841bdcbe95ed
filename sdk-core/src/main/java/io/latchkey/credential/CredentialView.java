package io.latchkey.credential;

import java.util.Optional;

/**
 * A credential with its effective state now and its current issuance, if any.
 *
 * @param credential the stored credential
 * @param status     its effective state now
 * @param issuance   its current issuance; empty when free
 */
public record CredentialView(Credential credential, CredentialState status, Optional<Issuance> issuance) {
}
