package io.latchkey.credential;

import io.latchkey.crypto.KeyStore;
import io.latchkey.crypto.SignedToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The token in a provisioning link: a {@link SignedToken} naming the credential, its issuance and the
 * provisioning generation, expiring with the window. Nothing secret is stored: the same statement signs to
 * the same token, and the credential's generation decides whether it is still good. Re-sending or returning
 * to the pool moves the generation on, so old links die.
 */
record ProvisioningToken(CredentialId credentialId, IssuanceId issuanceId, int generation, Instant expiresAt) {

    static final String PURPOSE = "provision";

    /** The token for the current generation of an issued credential. */
    static String mint(KeyStore keys, Credential credential) {
        return new SignedToken(PURPOSE, List.of(credential.id().toString(), credential.issuanceId().toString(),
                Integer.toString(credential.generation())), credential.validTo()).sign(keys.currentSigningKey());
    }

    /** The statement in {@code token} if its signature is good; empty if forged or malformed. */
    static Optional<ProvisioningToken> open(KeyStore keys, String token) {
        return SignedToken.open(token, PURPOSE, keys::verificationKey).flatMap(t -> {
            if (t.claims().size() != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new ProvisioningToken(CredentialId.parse(t.claims().get(0)),
                        IssuanceId.parse(t.claims().get(1)), Integer.parseInt(t.claims().get(2)), t.expiresAt()));
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
        });
    }
}
