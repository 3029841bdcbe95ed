package io.latchkey.crypto;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An Ed25519 public key with its key id: what a device or a reader needs to check a signed document
 * offline. Immutable.
 *
 * @param keyId      the id that signed envelopes name
 * @param publicKey  the 32-byte raw public key
 */
public record VerificationKey(String keyId, byte[] publicKey) {

    public VerificationKey {
        Keys.requireKeyId(keyId);
        Objects.requireNonNull(publicKey, "publicKey");
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The public key in URL-safe base64 without padding, as published at {@code /api/v1/keys}. */
    public String publicKeyBase64() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerificationKey v && keyId.equals(v.keyId) && Arrays.equals(publicKey, v.publicKey);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode() * 31 + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "VerificationKey[" + keyId + ", " + publicKeyBase64() + "]";
    }
}
