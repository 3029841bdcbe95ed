package io.latchkey.license;

import io.latchkey.crypto.Fields;
import io.latchkey.crypto.Signatures;
import io.latchkey.crypto.SigningKey;
import io.latchkey.crypto.VerificationKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a POS device receives when it activates a license, and checks offline each time it starts: which license
 * is active on which device for which holder, signed with Ed25519 under the licensor's key id (domain
 * {@code activation/}). It names the license by its public id, never by its code, so the file can be copied,
 * logged or sent to support without giving the code away.
 *
 * <p>Device firmware needs only {@link #verify(String, Collection, String, Instant)}, the published public keys
 * and the signed {@link RevocationList}. A file is good for {@link #VALIDITY} from its issue: the device renews it
 * online (activating again on the same device returns a new file), and checks a recent revocation list for
 * activations released since.
 *
 * <p>The signed payload is a short canonical text, one {@code name=value} line each, in this order:
 * {@code v=2}, {@code license}, {@code fingerprint}, {@code holder}, {@code issuedAt}, {@code validUntil}
 * (ISO-8601). Only that exact text verifies, so one activation has one encoded form.
 *
 * <p>No component is null. The text components are 1 to {@value #MAX_TEXT} characters without control
 * characters or unpaired surrogates. Immutable and thread-safe.
 *
 * @param licenseId   the license's public id (not its code)
 * @param fingerprint the device's fingerprint, as the device reported it
 * @param holder      the id of the organization holding the license
 * @param issuedAt    when the file was made
 * @param validUntil  when it stops being good: {@link #VALIDITY} after {@code issuedAt}
 * @param keyId       the signing key's id
 * @param encoded     the signed compact form {@code keyId.payload.signature}, what the device stores
 */
public record ActivationFile(String licenseId, String fingerprint, String holder, Instant issuedAt,
                             Instant validUntil, String keyId, String encoded) {

    /** The signature domain of activation files. */
    public static final String DOMAIN = "activation/";

    /** The longest license id, fingerprint or holder a file carries. */
    public static final int MAX_TEXT = 256;

    /** How long a file is good after it is issued, before the device must renew it online. */
    public static final Duration VALIDITY = Duration.ofDays(30);

    /**
     * @throws IllegalArgumentException if a text component is blank, too long or has a control character, or
     *                                  {@code encoded} is not signed under {@code keyId}
     */
    public ActivationFile {
        requireText("licenseId", licenseId);
        requireText("fingerprint", fingerprint);
        requireText("holder", holder);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(encoded, "encoded");
        if (!encoded.startsWith(keyId + ".")) {
            throw new IllegalArgumentException("encoded is not signed under key " + keyId);
        }
    }

    /**
     * Signs the activation of license {@code licenseId} on the device {@code fingerprint}. The license service
     * calls it once the activation is recorded.
     *
     * @throws IllegalArgumentException if a text component is blank, too long or has a control character; the
     *                                  caller validates what a device sends before it gets here
     */
    public static ActivationFile sign(SigningKey key, String licenseId, String fingerprint, String holder,
                                      Instant issuedAt) {
        Objects.requireNonNull(key, "key");
        requireText("licenseId", licenseId);
        requireText("fingerprint", fingerprint);
        requireText("holder", holder);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Instant validUntil = issuedAt.plus(VALIDITY);
        return new ActivationFile(licenseId, fingerprint, holder, issuedAt, validUntil, key.keyId(),
                Signatures.signCompact(key, DOMAIN, payload(licenseId, fingerprint, holder, issuedAt, validUntil)));
    }

    /**
     * The file in {@code encoded} if it is an activation file signed by one of {@code keys}; empty if it is
     * malformed, altered, made for another purpose or signed by a key not in {@code keys} (null included).
     * Keep retired keys in {@code keys} so that files signed before a rotation stay good. Says nothing of the
     * file's time: a device uses {@link #verify(String, Collection, String, Instant)}.
     */
    public static Optional<ActivationFile> verify(String encoded, Collection<VerificationKey> keys) {
        Objects.requireNonNull(keys, "keys");
        return Signatures.openCompact(encoded, DOMAIN,
                        keyId -> keys.stream().filter(k -> k != null && k.keyId().equals(keyId)).findFirst())
                .flatMap(payload -> parse(payload, encoded));
    }

    /**
     * As {@link #verify(String, Collection)}, and empty unless the file was made for the device whose fingerprint
     * is {@code expectedFingerprint} (compared exactly: a file copied from another device is worth nothing) and is
     * good at {@code now} (from its issue until {@link #validUntil()}, the device's clock).
     */
    public static Optional<ActivationFile> verify(String encoded, Collection<VerificationKey> keys,
                                                  String expectedFingerprint, Instant now) {
        Objects.requireNonNull(expectedFingerprint, "expectedFingerprint");
        Objects.requireNonNull(now, "now");
        return verify(encoded, keys).filter(file -> file.fingerprint.equals(expectedFingerprint))
                .filter(file -> !now.isBefore(file.issuedAt) && now.isBefore(file.validUntil));
    }

    private static String payload(String licenseId, String fingerprint, String holder, Instant issuedAt,
                                  Instant validUntil) {
        return "v=2\nlicense=" + licenseId + "\nfingerprint=" + fingerprint + "\nholder=" + holder
                + "\nissuedAt=" + issuedAt + "\nvalidUntil=" + validUntil + "\n";
    }

    private static Optional<ActivationFile> parse(String payload, String encoded) {
        Map<String, String> fields = Fields.parse(payload);
        try {
            ActivationFile file = new ActivationFile(fields.get("license"), fields.get("fingerprint"),
                    fields.get("holder"), Instant.parse(fields.get("issuedAt")),
                    Instant.parse(fields.get("validUntil")), encoded.substring(0, encoded.indexOf('.')), encoded);
            // Only the text sign() makes is accepted: no other version, validity, extra, repeated or reordered lines.
            return payload.equals(payload(file.licenseId, file.fingerprint, file.holder, file.issuedAt,
                    file.issuedAt.plus(VALIDITY))) ? Optional.of(file) : Optional.empty();
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private static void requireText(String name, String value) {
        Objects.requireNonNull(value, name);
        // A line break would let a value forge the next line of the signed text; a lone surrogate has no UTF-8
        // form, so the signed text would read back as something else and the file would never verify.
        if (value.isBlank() || value.length() > MAX_TEXT || value.codePoints()
                .anyMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE)) {
            throw new IllegalArgumentException(name + " must be 1 to " + MAX_TEXT
                    + " characters without control characters or unpaired surrogates");
        }
    }
}
