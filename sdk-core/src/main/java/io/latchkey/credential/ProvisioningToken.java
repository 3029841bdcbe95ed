package io.latchkey.credential;

import io.latchkey.crypto.KeyStore;
import io.latchkey.crypto.Signatures;
import java.time.Instant;
import java.util.Optional;

/**
 * The token in a provisioning link: a signed statement (domain {@code provision/}) naming the credential,
 * its issuance, the provisioning generation and an expiry. Nothing secret is stored: the same statement
 * signs to the same token (Ed25519 is deterministic), and the credential's generation decides whether it is
 * still good. Re-sending or returning to the pool moves the generation on, so old links die.
 */
record ProvisioningToken(CredentialId credentialId, IssuanceId issuanceId, int generation, Instant expiresAt) {

    static final String DOMAIN = "provision/";

    /** The token for the current generation of an issued credential; it expires with the window. */
    static String mint(KeyStore keys, Credential credential) {
        String payload = "v1|" + credential.id() + "|" + credential.issuanceId() + "|" + credential.generation() + "|"
                + credential.validTo().getEpochSecond();
        return Signatures.signCompact(keys.currentSigningKey(), DOMAIN, payload);
    }

    /** The statement in {@code token} if its signature is good; empty if forged or malformed. */
    static Optional<ProvisioningToken> open(KeyStore keys, String token) {
        return Signatures.openCompact(token, DOMAIN, keys::verificationKey).flatMap(payload -> {
            String[] parts = payload.split("\\|", -1);
            if (parts.length != 5 || !parts[0].equals("v1")) {
                return Optional.empty();
            }
            try {
                return Optional.of(new ProvisioningToken(CredentialId.parse(parts[1]), IssuanceId.parse(parts[2]),
                        Integer.parseInt(parts[3]), Instant.ofEpochSecond(Long.parseLong(parts[4]))));
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
        });
    }
}
