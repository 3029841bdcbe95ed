package io.latchkey.crypto;

import java.util.Objects;

/**
 * A 256-bit symmetric key with its key id, used to seal secrets at rest. Immutable; {@link #toString()}
 * never shows the key.
 *
 * @param keyId the id stored beside every ciphertext made with this key
 * @param key   32 random bytes
 */
public record SecretKey(String keyId, byte[] key) {

    public SecretKey {
        Keys.requireKeyId(keyId);
        Objects.requireNonNull(key, "key");
        if (key.length != 32) {
            throw new IllegalArgumentException("a secret key is 32 bytes");
        }
        key = key.clone();
    }

    /** A new random key. */
    public static SecretKey generate(String keyId, RandomSource random) {
        return new SecretKey(keyId, random.bytes(32));
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretKey k && keyId.equals(k.keyId) && java.util.Arrays.equals(key, k.key);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    @Override
    public String toString() {
        return "SecretKey[" + keyId + "]";
    }
}
