package io.latchkey.crypto;

import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * An Ed25519 private key with its key id. The seed never leaves this object except through
 * {@link #seed()}, which a {@link KeyStore} uses to persist it.
 *
 * <p>Immutable and thread-safe.
 */
public final class SigningKey {

    private final String keyId;
    private final Ed25519PrivateKeyParameters key;

    private SigningKey(String keyId, Ed25519PrivateKeyParameters key) {
        this.keyId = Keys.requireKeyId(keyId);
        this.key = key;
    }

    /** A key from its 32-byte seed. */
    public static SigningKey fromSeed(String keyId, byte[] seed) {
        Objects.requireNonNull(seed, "seed");
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
        }
        return new SigningKey(keyId, new Ed25519PrivateKeyParameters(seed, 0));
    }

    /** A new random key. */
    public static SigningKey generate(String keyId, RandomSource random) {
        return fromSeed(keyId, random.bytes(Ed25519PrivateKeyParameters.KEY_SIZE));
    }

    public String keyId() {
        return keyId;
    }

    /** The public half, for verifiers. */
    public VerificationKey verificationKey() {
        return new VerificationKey(keyId, key.generatePublicKey().getEncoded());
    }

    /** The 32-byte seed, for a key store that persists it (sealed). */
    public byte[] seed() {
        return key.getEncoded();
    }

    Ed25519PrivateKeyParameters parameters() {
        return key;
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + "]";
    }
}
