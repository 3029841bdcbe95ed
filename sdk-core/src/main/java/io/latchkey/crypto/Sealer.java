package io.latchkey.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption (AES-256-GCM) of secrets at rest, under the {@link KeyStore}'s current secret key.
 * The sealed form names its key id, so keys can rotate; the {@code context} is bound as associated data,
 * so a sealed value moved to another column or purpose does not open.
 *
 * <p>Format: {@code 0x01, keyIdLength, keyId, 12-byte nonce, ciphertext+tag}. Thread-safe.
 */
public final class Sealer {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** HKDF info of the subkey that seals. */
    static final String SEALING = "latchkey/seal/v1";
    /** HKDF info of the subkey that makes keyed hashes. */
    static final String HASHING = "latchkey/keyed-hash/v1";

    private final KeyStore keys;
    private final RandomSource random;

    public Sealer(KeyStore keys, RandomSource random) {
        this.keys = keys;
        this.random = random;
    }

    /** Encrypts {@code plain} for the given context. */
    public byte[] seal(byte[] plain, String context) {
        return seal(keys.currentSecretKey(), random, plain, context);
    }

    /** {@link #seal} under a given key. */
    static byte[] seal(SecretKey key, RandomSource random, byte[] plain, String context) {
        byte[] nonce = random.bytes(NONCE_BYTES);
        byte[] keyId = key.keyId().getBytes(StandardCharsets.US_ASCII);
        byte[] body = cipher(Cipher.ENCRYPT_MODE, key, nonce, context).doFinalUnchecked(plain);
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 + keyId.length + NONCE_BYTES + body.length);
        out.write(VERSION);
        out.write(keyId.length);
        out.writeBytes(keyId);
        out.writeBytes(nonce);
        out.writeBytes(body);
        return out.toByteArray();
    }

    /**
     * Decrypts what {@link #seal} made for the same context.
     *
     * @throws IllegalStateException if it was tampered with, sealed for another context, or its key is gone
     */
    public byte[] open(byte[] sealed, String context) {
        return open(keys::secretKey, sealed, context);
    }

    /** {@link #open} with the key the sealed value names, looked up in {@code keys}. */
    static byte[] open(Function<String, Optional<SecretKey>> keys, byte[] sealed, String context) {
        if (sealed == null || sealed.length < 2 || sealed[0] != VERSION) {
            throw new IllegalStateException("not a sealed value");
        }
        int keyIdLength = sealed[1] & 0xFF;
        int nonceAt = 2 + keyIdLength;
        if (sealed.length < nonceAt + NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("sealed value is truncated");
        }
        String keyId = new String(sealed, 2, keyIdLength, StandardCharsets.US_ASCII);
        SecretKey key = keys.apply(keyId)
                .orElseThrow(() -> new IllegalStateException("sealing key " + keyId + " is not in the key store"));
        byte[] nonce = java.util.Arrays.copyOfRange(sealed, nonceAt, nonceAt + NONCE_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(sealed, nonceAt + NONCE_BYTES, sealed.length);
        return cipher(Cipher.DECRYPT_MODE, key, nonce, context).doFinalUnchecked(body);
    }

    /**
     * Keyed hashes (HMAC-SHA256, hex) of {@code value} for {@code context} under every sealing key, the current
     * key's first: store the first, look up by all, so that lookups survive key rotation.
     */
    public List<String> keyedHashes(String value, String context) {
        return keys.secretKeys().stream().map(key -> keyedHash(key, value, context)).toList();
    }

    /** The keyed hash of {@code value} for {@code context} under the current sealing key only. */
    public String keyedHash(String value, String context) {
        return keyedHash(keys.secretKeys().get(0), value, context);
    }

    private static String keyedHash(SecretKey key, String value, String context) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(subkey(key, HASHING), "HmacSHA256"));
            mac.update(context.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return java.util.HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /**
     * The subkey of {@code key} for one purpose (HKDF-SHA256, RFC 5869, with the key as its input and no salt):
     * sealing and keyed hashing never use the same key bytes.
     */
    static byte[] subkey(SecretKey key, String purpose) {
        return hkdf(key.key(), purpose);
    }

    /** The first 32 bytes of HKDF-SHA256 of {@code ikm} with no salt and {@code info}. */
    static byte[] hkdf(byte[] ikm, String info) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
            byte[] prk = mac.doFinal(ikm);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(info.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static GcmCipher cipher(int mode, SecretKey key, byte[] nonce, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(subkey(key, SEALING), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new GcmCipher(cipher);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private record GcmCipher(Cipher cipher) {
        byte[] doFinalUnchecked(byte[] input) {
            try {
                return cipher.doFinal(input);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("sealed value does not open: tampered or wrong context", e);
            }
        }
    }
}
