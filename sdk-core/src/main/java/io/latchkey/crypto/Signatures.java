package io.latchkey.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 signatures with domain separation: what is signed is the domain (such as {@code "activation/"})
 * followed by the payload, so a signature made for one purpose is never valid for another.
 *
 * <p>The compact form used in links, files and documents is {@code keyId.payload.signature}, the last two
 * in URL-safe base64 without padding. Ed25519 is deterministic: the same key and payload always give the
 * same compact form, and only that exact string verifies. Stateless and thread-safe.
 */
public final class Signatures {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    /**
     * Public keys as points: decoding one costs a good part of a verification, and verifiers use a handful of
     * keys (the current and the retired ones). Emptied when full, so that it stays small whatever it is shown.
     */
    private static final Map<VerificationKey, Ed25519PublicKeyParameters> DECODED = new ConcurrentHashMap<>();
    private static final int MAX_DECODED = 256;

    private Signatures() {
    }

    /** The raw 64-byte signature of {@code domain + payload}. */
    public static byte[] sign(SigningKey key, String domain, byte[] payload) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key.parameters());
        byte[] message = message(domain, payload);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** Whether {@code signature} is {@code key}'s signature of {@code domain + payload}. */
    public static boolean verify(VerificationKey key, String domain, byte[] payload, byte[] signature) {
        if (signature == null || signature.length != 64) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, decoded(key));
        byte[] message = message(domain, payload);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    private static Ed25519PublicKeyParameters decoded(VerificationKey key) {
        Ed25519PublicKeyParameters point = DECODED.get(key);
        if (point == null) {
            if (DECODED.size() >= MAX_DECODED) {
                DECODED.clear();
            }
            point = new Ed25519PublicKeyParameters(key.publicKey(), 0);
            DECODED.put(key, point);
        }
        return point;
    }

    /** The compact signed form {@code keyId.payload.signature} of a UTF-8 payload. */
    public static String signCompact(SigningKey key, String domain, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return key.keyId() + "." + B64.encodeToString(bytes) + "." + B64.encodeToString(sign(key, domain, bytes));
    }

    /**
     * The payload of a compact signed form if its signature is good under the named key for this domain;
     * empty if it is malformed, names an unknown key or fails verification.
     */
    public static Optional<String> openCompact(String compact, String domain,
                                               Function<String, Optional<VerificationKey>> keys) {
        requireDomain(domain);
        if (compact == null) {
            return Optional.empty();
        }
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        Optional<byte[]> payload = Encoding.canonicalBase64(parts[1], B64, B64D);
        Optional<byte[]> signature = Encoding.canonicalBase64(parts[2], B64, B64D);
        if (payload.isEmpty() || signature.isEmpty()) {
            return Optional.empty();
        }
        return keys.apply(parts[0])
                .filter(key -> verify(key, domain, payload.get(), signature.get()))
                .map(key -> new String(payload.get(), StandardCharsets.UTF_8));
    }

    private static void requireDomain(String domain) {
        if (domain == null || !domain.endsWith("/") || domain.length() < 2) {
            throw new IllegalArgumentException("a signature domain ends with '/', e.g. \"activation/\"");
        }
    }

    private static byte[] message(String domain, byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        requireDomain(domain);
        byte[] prefix = domain.getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + payload.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(payload, 0, message, prefix.length, payload.length);
        return message;
    }
}
