package io.latchkey.crypto;

import java.util.List;
import java.util.Optional;

/**
 * The port that holds the SDK's keys: Ed25519 signing keys and symmetric sealing keys, each with an id so
 * that keys can be rotated while what was signed or sealed with an older key stays readable.
 *
 * <p>Implementations must be thread-safe. The current key may change between calls (rotation); retired
 * keys stay available for verification and opening until the host removes them.
 */
public interface KeyStore {

    /** The key new signatures are made with. */
    SigningKey currentSigningKey();

    /** Every public key a verifier should accept, the current one first. */
    List<VerificationKey> verificationKeys();

    /** The public key with this id, current or retired. */
    default Optional<VerificationKey> verificationKey(String keyId) {
        return verificationKeys().stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }

    /** The key new secrets are sealed with. */
    SecretKey currentSecretKey();

    /** The sealing key with this id, current or retired. */
    Optional<SecretKey> secretKey(String keyId);

    /** Every sealing key, the current one first: a keyed hash made under any of them must still be found. */
    List<SecretKey> secretKeys();

    /**
     * Whether the keys outlive the process. A durable store with keys that do not would, after a restart, hold
     * codes no one can find and sealed values no one can open: the SDK refuses that pairing unless told.
     */
    default boolean survivesRestart() {
        return true;
    }
}
