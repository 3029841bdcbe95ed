package io.latchkey.crypto;

import java.util.Base64;
import java.util.Optional;

/** Strict base64 decoding shared by signatures and password hashes. */
final class Encoding {

    private Encoding() {
    }

    /**
     * The bytes of unpadded base64 in {@code encoder}'s alphabet, only if {@code text} is their one canonical
     * spelling: the JDK decoder also takes padding and stray trailing bits, which would let one signed statement
     * or one hash be written several ways.
     */
    static Optional<byte[]> canonicalBase64(String text, Base64.Encoder encoder, Base64.Decoder decoder) {
        try {
            byte[] bytes = decoder.decode(text);
            return encoder.encodeToString(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
